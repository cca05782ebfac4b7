package io.meridian.oms.journal;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Append-only journal of the sequencer's input, in memory-mapped segment files
 * ({@code <index>.journal}, 20 digits) under one directory. Appends are plain memory writes (no
 * system call); {@link #flush()} / {@link #close()} force the mapped pages to disk, and a
 * segment is forced when the journal rolls over to the next one.
 * <p>
 * Record layout, 8-byte aligned:
 * <pre>
 *   0  int  length        total record length including this header; written last, ordered
 *   4  int  outcome       decisions taken while applying the record (see OrderStateMachine); patched after apply,
 *                         not covered by the checksum
 *   8  int  checksum      CRC32C of bytes [12, length)
 *  12  int  msgType       RingCodec message type
 *  16  long sequence      local sequence number
 *  24  long receivedNanos sequencer receive time (epoch nanos)
 *  32  ...  payload       RingCodec layout
 * </pre>
 * A length of 0 ends the journal; -1 pads to the end of a segment. On open, a record whose length
 * runs past the segment or whose checksum does not match (a torn write after a crash) ends the
 * journal: it and everything after it in that segment are zeroed and appends continue from there.
 * An invalid record anywhere but in the last segment is corruption and fails the open.
 * Single-threaded: owned by the sequencer.
 */
public final class Journal implements AutoCloseable
{
    public static final int HEADER_LENGTH = 32;
    public static final int DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
    static final int LENGTH_OFFSET = 0;
    static final int OUTCOME_OFFSET = 4;
    static final int CHECKSUM_OFFSET = 8;
    static final int TYPE_OFFSET = 12;
    static final int SEQUENCE_OFFSET = 16;
    static final int TIME_OFFSET = 24;
    static final int PADDING = -1;
    private static final String SUFFIX = ".journal";

    /** Receives records on {@link #replay(RecordHandler)}; the buffer is valid only during the call. */
    @FunctionalInterface
    public interface RecordHandler
    {
        void onRecord(
            int msgType, long sequence, long receivedNanos, int outcome, DirectBuffer buffer, int offset, int length);
    }

    private final Path dir;
    private final int segmentBytes;
    private final CRC32C crc = new CRC32C();

    private int segmentIndex;
    private MappedByteBuffer mapped;
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private ByteBuffer crcView;
    private int position;
    private int syncedPosition;
    private int lastRecordOffset = -1;
    private long recordCount;
    private long lastSequence;
    private long lastReceivedNanos;
    private boolean tornTailDetected;
    private boolean closed;
    private long createdAtMillis;

    // results of the last scanSegment call
    private int scanEnd;
    private boolean scanFinished;
    private boolean scanTorn;

    public Journal(final Path dir, final int segmentBytes)
    {
        if (segmentBytes < 4096 || (segmentBytes & 7) != 0)
        {
            throw new IllegalArgumentException("segmentBytes must be >= 4096 and a multiple of 8: " + segmentBytes);
        }
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        open();
    }

    private void open()
    {
        final List<Integer> indices = segmentIndices();
        createdAtMillis = JournalFormat.check(dir, !indices.isEmpty());
        if (indices.isEmpty())
        {
            mapSegment(0);
            return;
        }
        final int last = indices.get(indices.size() - 1);
        for (final int index : indices)
        {
            final MappedByteBuffer segment = map(segmentPath(index), 0);
            final UnsafeBuffer view = new UnsafeBuffer(segment);
            try
            {
                scanSegment(view, segment.duplicate(), null);
                if (index != last)
                {
                    if (!scanFinished)
                    {
                        throw new IllegalStateException(
                            "journal corrupt: segment " + segmentPath(index) + " ends at " + scanEnd +
                            (scanTorn ? " with an invalid record" : " without padding") + " but later segments exist");
                    }
                    continue;
                }
            }
            finally
            {
                IoUtil.unmap(segment);
            }
            if (scanFinished)
            {
                mapSegment(index + 1);
            }
            else
            {
                mapSegment(index);
                position = scanEnd;
                if (scanTorn)
                {
                    tornTailDetected = true;
                    buffer.setMemory(position, buffer.capacity() - position, (byte)0);
                }
            }
        }
    }

    /**
     * Reads every valid record from the start, in order.
     *
     * @return the number of records read.
     */
    public long replay(final RecordHandler handler)
    {
        final List<Integer> indices = segmentIndices();
        final long before = recordCount;
        recordCount = 0;
        long count = 0;
        for (final int index : indices)
        {
            final MappedByteBuffer segment = map(segmentPath(index), 0);
            try
            {
                final long start = recordCount;
                scanSegment(new UnsafeBuffer(segment), segment.duplicate(), handler);
                count += recordCount - start;
                if (!scanFinished)
                {
                    break;
                }
            }
            finally
            {
                IoUtil.unmap(segment);
            }
        }
        recordCount = before;
        return count;
    }

    private void scanSegment(final UnsafeBuffer view, final ByteBuffer crcBuffer, final RecordHandler handler)
    {
        scanFinished = false;
        scanTorn = false;
        final int capacity = view.capacity();
        int pos = 0;
        while (capacity > 0)
        {
            if (pos + HEADER_LENGTH > capacity)
            {
                scanFinished = true;
                break;
            }
            final int length = view.getIntVolatile(pos + LENGTH_OFFSET);
            if (length == 0)
            {
                break;
            }
            if (length == PADDING)
            {
                scanFinished = true;
                break;
            }
            if (length < HEADER_LENGTH || length > capacity - pos ||
                view.getInt(pos + CHECKSUM_OFFSET) != checksum(crcBuffer, pos + TYPE_OFFSET, pos + length))
            {
                scanTorn = true;
                break;
            }
            final long sequence = view.getLong(pos + SEQUENCE_OFFSET);
            final long receivedNanos = view.getLong(pos + TIME_OFFSET);
            if (handler != null)
            {
                handler.onRecord(
                    view.getInt(pos + TYPE_OFFSET), sequence, receivedNanos, view.getIntVolatile(pos + OUTCOME_OFFSET),
                    view, pos + HEADER_LENGTH, length - HEADER_LENGTH);
            }
            recordCount++;
            lastSequence = sequence;
            lastReceivedNanos = receivedNanos;
            pos += BitUtil.align(length, 8);
        }
        scanEnd = pos;
    }

    /** Appends one record; the payload is copied. No allocation, no system call unless the segment rolls. */
    public void append(
        final int msgType, final long sequence, final long receivedNanos, final DirectBuffer src, final int srcOffset,
        final int length)
    {
        if (closed)
        {
            throw new IllegalStateException("journal closed");
        }
        final int recordLength = HEADER_LENGTH + length;
        final int aligned = BitUtil.align(recordLength, 8);
        if (aligned > buffer.capacity() - position)
        {
            if (aligned > segmentBytes)
            {
                throw new IllegalArgumentException("record of " + recordLength + " bytes exceeds segment size");
            }
            roll();
        }
        final int p = position;
        buffer.putInt(p + OUTCOME_OFFSET, 0);
        buffer.putInt(p + TYPE_OFFSET, msgType);
        buffer.putLong(p + SEQUENCE_OFFSET, sequence);
        buffer.putLong(p + TIME_OFFSET, receivedNanos);
        buffer.putBytes(p + HEADER_LENGTH, src, srcOffset, length);
        buffer.putInt(p + CHECKSUM_OFFSET, checksum(crcView, p + TYPE_OFFSET, p + recordLength));
        buffer.putIntOrdered(p + LENGTH_OFFSET, recordLength);
        lastRecordOffset = p;
        position = p + aligned;
        recordCount++;
        lastSequence = sequence;
        lastReceivedNanos = receivedNanos;
    }

    /** Records the decisions taken while applying the last appended record. */
    public void patchOutcome(final int outcome)
    {
        if (lastRecordOffset >= 0)
        {
            buffer.putIntOrdered(lastRecordOffset + OUTCOME_OFFSET, outcome);
        }
    }

    private void roll()
    {
        if (position + 4 <= buffer.capacity())
        {
            buffer.putIntOrdered(position, PADDING);
        }
        mapped.force();
        IoUtil.unmap(mapped);
        mapped = null;
        buffer.wrap(0, 0);
        mapSegment(segmentIndex + 1);
    }

    private void mapSegment(final int index)
    {
        segmentIndex = index;
        mapped = map(segmentPath(index), segmentBytes);
        buffer.wrap(mapped);
        crcView = mapped.duplicate();
        position = 0;
        syncedPosition = 0;
        lastRecordOffset = -1;
    }

    private int checksum(final ByteBuffer view, final int from, final int to)
    {
        view.clear();
        view.position(from).limit(to);
        crc.reset();
        crc.update(view);
        return (int)crc.getValue();
    }

    private static MappedByteBuffer map(final Path path, final int minLength)
    {
        try (FileChannel channel = FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            preallocate(channel, minLength);
            final long size = Math.max(channel.size(), minLength);
            if (size > Integer.MAX_VALUE)
            {
                throw new IllegalStateException("segment too large: " + path);
            }
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes zeros up to {@code length} so the file's blocks exist before it is mapped: a full disk
     * then fails here with an IOException instead of a SIGBUS on a later write to a sparse page.
     */
    private static void preallocate(final FileChannel channel, final int length) throws IOException
    {
        long position = channel.size();
        if (position >= length)
        {
            return;
        }
        final ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        try
        {
            while (position < length)
            {
                zeros.clear().limit((int)Math.min(zeros.capacity(), length - position));
                position += channel.write(zeros, position);
            }
        }
        finally
        {
            IoUtil.unmap(zeros);
        }
    }

    private Path segmentPath(final int index)
    {
        return dir.resolve(String.format("%020d%s", index, SUFFIX));
    }

    private List<Integer> segmentIndices()
    {
        final List<Integer> indices = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir))
        {
            files.forEach(
                (file) ->
                {
                    final String name = file.getFileName().toString();
                    if (name.endsWith(SUFFIX) && name.length() == 20 + SUFFIX.length() && Files.isRegularFile(file))
                    {
                        indices.add(Integer.parseInt(name.substring(0, 20)));
                    }
                });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        indices.sort(null);
        for (int i = 1; i < indices.size(); i++)
        {
            if (indices.get(i) != indices.get(i - 1) + 1)
            {
                throw new IllegalStateException("journal segments not contiguous in " + dir + ": " + indices);
            }
        }
        return indices;
    }

    /**
     * Forces the records appended since the last sync to the storage device (msync of that range:
     * a system call that waits for the disk). Returns at once when nothing is pending.
     *
     * @return true when something was forced.
     */
    public boolean syncAppended()
    {
        if (closed || mapped == null)
        {
            return false;
        }
        if (position < syncedPosition)
        {
            syncedPosition = 0;
        }
        if (position == syncedPosition)
        {
            return false;
        }
        // msync works on whole pages: start at the page holding the first unsynced byte
        final int from = syncedPosition & ~4095;
        mapped.force(from, position - from);
        syncedPosition = position;
        return true;
    }

    /** Forces written records to disk (a system call: not for the hot path). */
    public void flush()
    {
        if (!closed && mapped != null)
        {
            mapped.force();
        }
    }

    /** When this journal was started (epoch millis, from its format descriptor): its identity. */
    public long createdAtMillis()
    {
        return createdAtMillis;
    }

    public long recordCount()
    {
        return recordCount;
    }

    public long lastSequence()
    {
        return lastSequence;
    }

    public long lastReceivedNanos()
    {
        return lastReceivedNanos;
    }

    /** @return true when opening found (and discarded) a torn record at the tail. */
    public boolean tornTailDetected()
    {
        return tornTailDetected;
    }

    public int segmentIndex()
    {
        return segmentIndex;
    }

    public int position()
    {
        return position;
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            if (mapped != null)
            {
                mapped.force();
                IoUtil.unmap(mapped);
                mapped = null;
            }
        }
    }
}
