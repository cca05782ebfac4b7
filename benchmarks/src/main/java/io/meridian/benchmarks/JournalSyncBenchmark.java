package io.meridian.benchmarks;

import io.meridian.oms.journal.Journal;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Cost per journal record of each durability policy (docs/durability.md): {@code os} appends only
 * (the OS writes back), {@code batch32} forces once per 32 records (a busy sequencer duty cycle),
 * {@code record} forces after every record. 200-byte payloads, in a temp directory on the data
 * disk's filesystem.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JournalSyncBenchmark
{
    private static final int SEGMENT_BYTES = 64 * 1024 * 1024;
    private static final int PAYLOAD = 200;
    private static final int BATCH = 32;

    private final UnsafeBuffer payload = new UnsafeBuffer(new byte[PAYLOAD]);
    private Path dir;
    private Journal journal;
    private long sequence;

    @Setup(Level.Iteration)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory(Path.of(System.getProperty("meridian.bench.dir", "target")).toAbsolutePath(),
            "meridian-bench-sync");
        journal = new Journal(dir, SEGMENT_BYTES);
    }

    @TearDown(Level.Iteration)
    public void tearDown()
    {
        journal.close();
        IoUtil.delete(dir.toFile(), true);
    }

    private void append()
    {
        final long seq = ++sequence;
        if (journal.position() > SEGMENT_BYTES - 4096)
        {
            journal.close();
            IoUtil.delete(dir.toFile(), true);
            journal = new Journal(dir, SEGMENT_BYTES);
        }
        journal.append(1, seq, seq, payload, 0, PAYLOAD);
    }

    @Benchmark
    public int os()
    {
        append();
        return journal.position();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int batch32()
    {
        for (int i = 0; i < BATCH; i++)
        {
            append();
        }
        journal.syncAppended();
        return journal.position();
    }

    @Benchmark
    public int record()
    {
        append();
        journal.syncAppended();
        return journal.position();
    }
}
