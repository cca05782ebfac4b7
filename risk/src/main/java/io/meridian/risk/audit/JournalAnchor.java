package io.meridian.risk.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ties the order journal into the audit chain: a SHA-256 over a range of final journal records (every
 * order event and, in each record's outcome, the risk decision taken on it), appended to the audit
 * journal as an anchor. Changing any byte of an anchored record breaks the anchor, and the audit chain
 * protects the anchors. Read from the segment files while the sequencer appends: the last record written
 * is left out (its outcome is patched after it is applied); a segment that has rolled is final whole.
 * The record layout read here is {@code io.meridian.oms.journal.Journal}'s: an int length first, written
 * last; 0 ends the records written so far, -1 pads a segment that rolled.
 */
public final class JournalAnchor
{
    /** One anchored range: bytes {@code [from, to)} of segment {@code segment}, its records and their hash. */
    public record Range(int segment, long from, long to, long records, String sha256)
    {
    }

    private static final int PADDING = -1;
    private static final int HEADER_LENGTH = 32;

    private JournalAnchor()
    {
    }

    /** The segment file of a journal, named as the journal names it. */
    public static Path segmentPath(final Path journalDir, final int index)
    {
        return journalDir.resolve(String.format("%020d.journal", index));
    }

    /**
     * The next range of final records from {@code (segment, from)}, moving on to the next segment when
     * this one has rolled and is anchored to its end.
     *
     * @return the range, or null when no new final record exists.
     */
    public static Range next(final Path journalDir, final int segment, final long from) throws IOException
    {
        int index = segment;
        long start = from;
        while (true)
        {
            final Path file = segmentPath(journalDir, index);
            if (!Files.exists(file))
            {
                return null;
            }
            long lastRecordStart = -1;
            long pos = start;
            long records = 0;
            boolean rolled = false;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
            {
                final long size = channel.size();
                final ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                while (pos + HEADER_LENGTH <= size)
                {
                    header.clear();
                    channel.read(header, pos);
                    final int length = header.getInt(0);
                    if (length == PADDING)
                    {
                        rolled = true;
                        break;
                    }
                    if (length < HEADER_LENGTH || length > size - pos)
                    {
                        break; // 0: the end of what was written so far
                    }
                    lastRecordStart = pos;
                    records++;
                    pos += (length + 7) & ~7L;
                }
            }
            // a later segment means this one is final to its end (it may have filled up without padding)
            final boolean sealed = rolled || Files.exists(segmentPath(journalDir, index + 1));
            long to = pos;
            if (!sealed && lastRecordStart >= 0)
            {
                to = lastRecordStart; // the newest record's outcome may still be patched
                records--;
            }
            if (to > start)
            {
                return new Range(index, start, to, records, sha256(journalDir, index, start, to));
            }
            if (!sealed)
            {
                return null;
            }
            index++;
            start = 0;
        }
    }

    /** SHA-256 of bytes {@code [from, to)} of a segment, hex. */
    public static String sha256(final Path journalDir, final int segment, final long from, final long to)
        throws IOException
    {
        final MessageDigest digest;
        try
        {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
        try (FileChannel channel = FileChannel.open(segmentPath(journalDir, segment), StandardOpenOption.READ))
        {
            if (channel.size() < to)
            {
                throw new IOException("segment " + segment + " is " + channel.size() + " bytes, the anchor covers up to " + to);
            }
            final ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            long pos = from;
            while (pos < to)
            {
                chunk.clear();
                chunk.limit((int)Math.min(chunk.capacity(), to - pos));
                final int read = channel.read(chunk, pos);
                if (read <= 0)
                {
                    throw new IOException("segment " + segment + " ends at " + pos);
                }
                chunk.flip();
                digest.update(chunk);
                pos += read;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
