package io.meridian.oms.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The journal directory's format descriptor, {@value #FILE_NAME}: 32 bytes, little-endian:
 * <pre>
 *   0  long magic      "MRDNJRNL" in ASCII
 *   8  int  schemaId   {@link #SCHEMA_ID}: Meridian sequencer input records (RingCodec payloads)
 *  12  int  version    {@link #VERSION}: bumped whenever a record layout or an enum code changes
 *  16  long createdAt  epoch millis of the journal's creation
 *  24  long reserved
 * </pre>
 * Written when a journal starts empty; checked on every open. A directory with segments but no
 * descriptor (a build before versioning), another schema, or another version is refused with a
 * message that says what to do, never replayed as garbage.
 */
public final class JournalFormat
{
    public static final String FILE_NAME = "journal.format";
    public static final long MAGIC = 0x4C4E524A4E44524DL; // "MRDNJRNL" little-endian
    public static final int SCHEMA_ID = 0x4D524431;
    /**
     * 1: the unversioned journal of earlier builds; 2: format descriptor, VenueExecution fee fields,
     * enums stored by explicit (FIX) codes; 3: client commands carry their FIX session position; 4: the
     * operator's MassCancel record; 5: its ACCOUNT scope (the account's name in the record), which a build of
     * version 4 would skip as an anomaly: it must refuse such a journal instead.
     */
    public static final int VERSION = 5;
    /** The oldest version this build replays: 4 only adds a record type (MassCancel) to 3, 5 a scope to 4. */
    public static final int READABLE_FROM = 3;
    static final int LENGTH = 32;

    private JournalFormat()
    {
    }

    /**
     * Creates the descriptor for a new journal, or checks the existing one; throws with what to do when refused.
     *
     * @return the journal's creation time (epoch millis): with the last sequence, what identifies it to the
     * projections built from it (the shared store).
     */
    static long check(final Path dir, final boolean hasSegments)
    {
        final Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            if (hasSegments)
            {
                throw new IllegalStateException("journal " + dir + " has no " + FILE_NAME + ": it was written by a " +
                    "Meridian build before journal format version 2, which this build cannot replay. Finish or cancel its " +
                    "open orders with the build that wrote it, or move " + dir + " aside to start with an empty journal");
            }
            final long createdAt = System.currentTimeMillis();
            write(file, createdAt);
            return createdAt;
        }
        final ByteBuffer buffer = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0)
            {
                // read it all
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        if (buffer.position() < LENGTH || buffer.getLong(0) != MAGIC)
        {
            throw new IllegalStateException(file + " is not a Meridian journal descriptor: " + dir +
                " holds a foreign or damaged journal. Point the data directory elsewhere, or move " + dir + " aside");
        }
        final int schemaId = buffer.getInt(8);
        final int version = buffer.getInt(12);
        if (schemaId == SCHEMA_ID && version >= READABLE_FROM && version < VERSION)
        {
            // a subset of this format: replayable as is; new records make it this version
            write(file, buffer.getLong(16));
            return buffer.getLong(16);
        }
        if (schemaId != SCHEMA_ID || version != VERSION)
        {
            throw new IllegalStateException("journal " + dir + " has schema " + Integer.toHexString(schemaId) +
                " version " + version + "; this build reads schema " + Integer.toHexString(SCHEMA_ID) + " version " +
                VERSION + ". Run the build that wrote it until its open orders are done, or move " + dir +
                " aside to start with an empty journal");
        }
        return buffer.getLong(16);
    }

    private static void write(final Path file, final long createdAt)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(0, MAGIC).putInt(8, SCHEMA_ID).putInt(12, VERSION).putLong(16, createdAt);
        final Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(
            tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            channel.force(true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + tmp, ex);
        }
        try
        {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + file, ex);
        }
    }
}
