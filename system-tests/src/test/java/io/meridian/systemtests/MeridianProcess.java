package io.meridian.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Meridian as a separate JVM (MeridianApplication, as bin/meridian runs it) on a data directory and
 * ports of the test's choosing, talking to a venue simulator the test owns, so that a test can kill it
 * with SIGKILL and start it again on the same state. Its output goes to {@code meridian-N.log} beside
 * the data directory.
 */
final class MeridianProcess implements AutoCloseable
{
    /** children still running: killed when this JVM stops (a stopped test run or kill loop leaves no server) */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static
    {
        Runtime.getRuntime().addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "meridian-process-reaper"));
    }

    private final Path dataDir;
    private final Path configFile;
    /** HTTP Basic of the admin API user 'viewer' the configuration defines. */
    private static final String VIEWER = "Basic " + java.util.Base64.getEncoder().encodeToString(
        ("viewer:" + MeridianTestServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    MeridianProcess(final Path dataDir, final int fixPort, final int httpPort, final int venuePort) throws IOException
    {
        this(dataDir, fixPort, httpPort, venuePort, null);
    }

    /**
     * @param binanceUrl when not null, BINANCE trades on a Binance simulator the test owns there
     *                   ({@code http://host:port}; it outlives Meridian's kills), not the embedded one.
     */
    MeridianProcess(
        final Path dataDir, final int fixPort, final int httpPort, final int venuePort, final String binanceUrl)
        throws IOException
    {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.configFile = dataDir.resolveSibling(dataDir.getFileName() + ".yml");
        Files.createDirectories(dataDir.getParent());
        final int binancePort = MeridianTestServer.freePort();
        final int okxPort = MeridianTestServer.freePort();
        final String binanceRest = binanceUrl != null ? binanceUrl : "http://127.0.0.1:" + binancePort;
        final String binanceWs = binanceRest.replace("http://", "ws://");
        Files.writeString(configFile, String.join("\n",
            "micronaut:",
            "  server:",
            "    port: " + httpPort,
            "    host: 127.0.0.1",
            "meridian:",
            "  data-dir: " + dataDir.toAbsolutePath(),
            "  admin:",
            "    users:",
            "      - name: viewer",
            "        role: viewer",
            "        password-hash: \"" + io.meridian.gateway.PasswordHash.hash(MeridianTestServer.ADMIN_PASSWORD, 4) + "\"",
            "  fix:",
            "    bind-host: 127.0.0.1",
            "    port: " + fixPort,
            "  simulator:",
            "    enabled: false",
            "  venues:",
            "    - name: SIMVENUE",
            "      host: localhost",
            "      port: " + venuePort,
            "      target-comp-id: VENUE",
            "      reconnect-interval-ms: 200",
            "      carry-tags: [851]",
            // the embedded crypto simulators on free ports, not the shipped 8095-8097 (another
            // Meridian on this machine, or a test beside this one, may have those)
            "  crypto-simulators:",
            "    enabled: true",
            "    binance-port: " + binancePort,
            "    okx-port: " + okxPort,
            "    control-port: " + MeridianTestServer.freePort(),
            "  crypto-venues:",
            "    - name: BINANCE",
            "      kind: binance-spot",
            "      rest-url: " + binanceRest,
            "      order-ws-url: " + binanceWs + "/ws-api/v3",
            "      stream-ws-url: " + binanceWs,
            "      credentials: simulator:trader1",
            "    - name: OKX",
            "      kind: okx-v5",
            "      rest-url: http://127.0.0.1:" + okxPort,
            "      order-ws-url: ws://127.0.0.1:" + okxPort + "/ws/v5/private",
            "      stream-ws-url: ws://127.0.0.1:" + okxPort + "/ws/v5/public",
            "      credentials: simulator:trader1",
            ""), StandardCharsets.US_ASCII);
    }

    MeridianProcess start() throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        final Path bin = projectRoot().resolve("bin");
        command.add("@" + bin.resolve("jvm.options"));
        if (Runtime.version().feature() >= 24)
        {
            command.add("@" + bin.resolve("jvm24.options"));
        }
        command.add("-Xmx512m");
        // the server's own logging (INFO), not the tests' (WARN): the logs are files a checker reads
        command.add("-Dlogback.configurationFile=" + projectRoot().resolve("admin/src/main/resources/logback.xml"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.meridian.admin.MeridianApplication");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-" + (++starts) + ".log").toFile());
        builder.environment().put("MICRONAUT_CONFIG_FILES", configFile.toAbsolutePath().toString());
        final Process started = builder.start();
        RUNNING.add(started);
        started.onExit().thenRun(() -> RUNNING.remove(started));
        process = started;
        return this;
    }

    /** Polls /health until it answers 200; fails as soon as the process exits. @return the wait in ms. */
    long awaitHealthy(final Duration timeout) throws InterruptedException
    {
        final long start = System.nanoTime();
        final long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline)
        {
            if (!process.isAlive())
            {
                throw new AssertionError("Meridian exited with " + process.exitValue() + " before it was healthy:\n" +
                    logTail());
            }
            if (healthStatus() == 200)
            {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Meridian not healthy within " + timeout + ": /health " + healthStatus());
    }

    Path dataDir()
    {
        return dataDir;
    }

    /** The log of the current (or last) run. */
    Path log()
    {
        return dataDir.resolveSibling(dataDir.getFileName() + "-" + starts + ".log");
    }

    private String logTail()
    {
        try
        {
            final List<String> lines = Files.readAllLines(dataDir.resolveSibling(dataDir.getFileName() + "-" + starts + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (final IOException e)
        {
            return "(no log: " + e + ")";
        }
    }

    int healthStatus() throws InterruptedException
    {
        try
        {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                .header("Authorization", VIEWER).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (final IOException e)
        {
            return -1;
        }
    }

    String get(final String path) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .header("Authorization", VIEWER).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    boolean isAlive()
    {
        return process != null && process.isAlive();
    }

    /** SIGTERM: the graceful stop. */
    void terminate()
    {
        process.destroy();
    }

    /** @return the exit code, or -1 when it did not exit in time. */
    int awaitExit(final Duration timeout) throws InterruptedException
    {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL: no shutdown hook, no flush, no logout. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void close()
    {
        if (process != null && process.isAlive())
        {
            process.destroy();
            try
            {
                if (!process.waitFor(30, TimeUnit.SECONDS))
                {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            catch (final InterruptedException e)
            {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static Path projectRoot()
    {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bin").resolve("jvm.options")))
        {
            dir = dir.getParent();
        }
        if (dir == null)
        {
            throw new IllegalStateException("bin/jvm.options not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
