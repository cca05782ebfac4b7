package io.meridian.benchmarks;

import io.meridian.oms.journal.Journal;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Journal append of one sequencer input record (CRC32C over the payload, memory-mapped segment) in
 * a temp directory. Segment rolls (which force the full segment to disk) are part of the measured
 * cost; every {@value #SEGMENTS_KEPT} segments the journal is closed, deleted and reopened so the
 * run does not fill the disk (amortised over ~100k appends).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JournalAppendBenchmark
{
    private static final int SEGMENT_BYTES = 8 * 1024 * 1024;
    private static final int SEGMENTS_KEPT = 4;

    /** Ring payload size; a NewOrderSingle command with short ids is about 150 bytes. */
    @Param({"64", "256"})
    public int payloadBytes;

    private final UnsafeBuffer payload = new UnsafeBuffer(new byte[4096]);
    private Path dir;
    private Journal journal;
    private long sequence;

    @Setup(Level.Iteration)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("meridian-bench-append");
        for (int i = 0; i < payloadBytes; i++)
        {
            payload.putByte(i, (byte)('A' + i % 26));
        }
        journal = new Journal(dir, SEGMENT_BYTES);
    }

    @TearDown(Level.Iteration)
    public void tearDown()
    {
        journal.close();
        IoUtil.delete(dir.toFile(), true);
    }

    @Benchmark
    public long append()
    {
        final long seq = ++sequence;
        journal.append(1, seq, seq, payload, 0, payloadBytes);
        if (journal.segmentIndex() >= SEGMENTS_KEPT)
        {
            journal.close();
            IoUtil.delete(dir.toFile(), true);
            journal = new Journal(dir, SEGMENT_BYTES);
        }
        return journal.position();
    }
}
