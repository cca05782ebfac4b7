package io.meridian.positions.store;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The store's descriptor, {@value #FILE_NAME}: which journal the store is a projection of and how far
 * it has applied it. 64 bytes, memory-mapped, little-endian:
 * <pre>
 *   0  long magic           "MRDNSTOR" in ASCII
 *   8  int  layoutVersion   {@link #LAYOUT_VERSION}: bumped whenever a record layout changes
 *  12  int  writerOpen      1 while a writer has the store open (still 1 after the writer was killed)
 *  16  long journalId       creation time (epoch millis) of the journal the store was built from
 *  24  long appliedThrough  every input up to this journal sequence is in the maps
 *  32  long bootIdHigh      the machine boot the store was written in (Linux boot_id; 0 unknown)
 *  40  long bootIdLow
 * </pre>
 * The watermark is a plain ordered store into the mapping: no system call on the writer's path.
 */
final class StoreMeta implements AutoCloseable
{
    static final String FILE_NAME = "store.meta";
    static final long MAGIC = 0x524F54534E44524DL; // "MRDNSTOR" little-endian
    /** 1: records carry the stamp of the input that last changed them (exactly-once replay over a kept store) */
    static final int LAYOUT_VERSION = 1;
    private static final int LENGTH = 64;
    private static final int VERSION_OFFSET = 8;
    private static final int WRITER_OPEN_OFFSET = 12;
    private static final int JOURNAL_ID_OFFSET = 16;
    private static final int APPLIED_OFFSET = 24;
    private static final int BOOT_HIGH_OFFSET = 32;
    private static final int BOOT_LOW_OFFSET = 40;
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private final MappedByteBuffer mapping;
    private final UnsafeBuffer buffer;

    private StoreMeta(final MappedByteBuffer mapping)
    {
        this.mapping = mapping;
        this.buffer = new UnsafeBuffer(mapping);
    }

    /** A new descriptor (replacing any): nothing applied yet, the writer open. */
    static StoreMeta create(final Path dir, final long journalId)
    {
        final Path file = dir.resolve(FILE_NAME);
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        final StoreMeta meta = new StoreMeta(IoUtil.mapNewFile(file.toFile(), LENGTH));
        final long[] boot = bootId();
        meta.buffer.putLong(0, MAGIC);
        meta.buffer.putInt(VERSION_OFFSET, LAYOUT_VERSION);
        meta.buffer.putInt(WRITER_OPEN_OFFSET, 1);
        meta.buffer.putLong(JOURNAL_ID_OFFSET, journalId);
        meta.buffer.putLong(APPLIED_OFFSET, 0);
        meta.buffer.putLong(BOOT_HIGH_OFFSET, boot[0]);
        meta.buffer.putLong(BOOT_LOW_OFFSET, boot[1]);
        meta.mapping.force();
        return meta;
    }

    /** The existing descriptor, or null when there is none of the right size. */
    static StoreMeta open(final Path dir)
    {
        final Path file = dir.resolve(FILE_NAME);
        try
        {
            if (!Files.isRegularFile(file) || Files.size(file) != LENGTH)
            {
                return null;
            }
        }
        catch (final IOException ex)
        {
            return null;
        }
        return new StoreMeta(IoUtil.mapExistingFile(file.toFile(), FILE_NAME));
    }

    /**
     * Why the maps beside this descriptor cannot be kept for a journal, or null when they can: another
     * layout, another journal, a sequence the journal does not reach (its tail was lost), or another boot
     * of the machine (pages the kernel had not written back may be missing after a power loss).
     */
    String mismatch(final long journalId, final long journalLastSequence)
    {
        if (buffer.getLong(0) != MAGIC)
        {
            return "foreign descriptor";
        }
        if (buffer.getInt(VERSION_OFFSET) != LAYOUT_VERSION)
        {
            return "layout version " + buffer.getInt(VERSION_OFFSET) + ", this build writes " + LAYOUT_VERSION;
        }
        if (buffer.getLong(JOURNAL_ID_OFFSET) != journalId)
        {
            return "built from another journal";
        }
        if (appliedThrough() > journalLastSequence)
        {
            return "holds inputs up to " + appliedThrough() + ", the journal ends at " + journalLastSequence;
        }
        final long[] boot = bootId();
        if ((boot[0] | boot[1]) == 0 || boot[0] != buffer.getLong(BOOT_HIGH_OFFSET) ||
            boot[1] != buffer.getLong(BOOT_LOW_OFFSET))
        {
            return "written before the machine restarted (or its boot is unknown)";
        }
        return null;
    }

    /** True when the last writer did not close the store (it was killed): its maps need recovering. */
    boolean writerWasOpen()
    {
        return buffer.getInt(WRITER_OPEN_OFFSET) != 0;
    }

    void writerOpen(final boolean open)
    {
        buffer.putIntVolatile(WRITER_OPEN_OFFSET, open ? 1 : 0);
    }

    long appliedThrough()
    {
        return buffer.getLongVolatile(APPLIED_OFFSET);
    }

    /** Raises the watermark (never lowers it: a replay passes inputs the store already holds). Writer only. */
    void appliedThrough(final long sequence)
    {
        if (sequence > buffer.getLong(APPLIED_OFFSET))
        {
            buffer.putLongOrdered(APPLIED_OFFSET, sequence);
        }
    }

    void force()
    {
        mapping.force();
    }

    public void close()
    {
        IoUtil.unmap(mapping);
    }

    private static long[] bootId()
    {
        try
        {
            final UUID id = UUID.fromString(Files.readString(BOOT_ID).trim());
            return new long[] {id.getMostSignificantBits(), id.getLeastSignificantBits()};
        }
        catch (final IOException | RuntimeException ex)
        {
            return new long[] {0, 0};
        }
    }
}
