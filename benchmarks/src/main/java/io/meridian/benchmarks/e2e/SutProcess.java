package io.meridian.benchmarks.e2e;

import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A system under test in a child JVM ({@link SutMain}), spoken to over its stdin/stdout. */
final class SutProcess implements AutoCloseable
{
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final int port;
    /** every value of the last STATS line, for numbers only some systems report ({@link #extraLong}) */
    private Map<String, String> lastStats = Map.of();

    /** The numbers a child reports for one measurement. */
    record Stats(long cpuNanos, long wallNanos, long coreCpuNanos, long coreAllocBytes, Histogram tickToTrade)
    {
        /** Cores busy on average (process CPU time / wall time). */
        double cores()
        {
            return wallNanos <= 0 ? 0 : (double)cpuNanos / wallNanos;
        }
    }

    SutProcess(final List<String> jvmOptions, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SutMain.class.getName());
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        port = Integer.parseInt(await("READY").substring("READY ".length()).trim());
    }

    int port()
    {
        return port;
    }

    void mark() throws IOException
    {
        command("MARK");
        await("MARKED");
    }

    Stats stats() throws IOException
    {
        command("STATS");
        final Map<String, String> values = parse(await("STATS"));
        lastStats = values;
        return new Stats(
            Long.parseLong(values.get("cpuNanos")),
            Long.parseLong(values.get("wallNanos")),
            Long.parseLong(values.get("coreCpuNanos")),
            Long.parseLong(values.get("coreAllocBytes")),
            SutMain.decode(values.get("tickToTrade")));
    }

    /** A number of the last STATS that not every system reports; -1 when absent. */
    long extraLong(final String key)
    {
        final String value = lastStats.get(key);
        return value == null ? -1 : Long.parseLong(value);
    }

    /** A histogram of the last STATS that not every system reports; null when absent. */
    Histogram extraHistogram(final String key)
    {
        final String value = lastStats.get(key);
        return value == null ? null : SutMain.decode(value);
    }

    static Map<String, String> parse(final String line)
    {
        final Map<String, String> values = new HashMap<>();
        for (final String part : line.split(" "))
        {
            final int eq = part.indexOf('=');
            if (eq > 0)
            {
                values.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return values;
    }

    private void command(final String command) throws IOException
    {
        in.write(command + "\n");
        in.flush();
    }

    /** The next stdout line starting with {@code prefix}; log lines in between are passed through. */
    private String await(final String prefix) throws IOException
    {
        String line;
        while ((line = out.readLine()) != null)
        {
            if (line.startsWith(prefix))
            {
                return line;
            }
            System.err.println("  [sut] " + line);
        }
        throw new IOException("system under test exited (waiting for " + prefix + ")");
    }

    public void close()
    {
        try
        {
            command("STOP");
            await("STOPPED");
        }
        catch (final IOException e)
        {
            // already gone
        }
        try
        {
            if (!process.waitFor(20, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException e)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
