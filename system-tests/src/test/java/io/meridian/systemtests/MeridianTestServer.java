package io.meridian.systemtests;

import io.meridian.admin.InstrumentSettings;
import io.meridian.admin.MeridianServer;
import io.meridian.admin.ServerConfig;
import io.meridian.gateway.ClientSessionConfig;
import io.meridian.venues.crypto.CryptoVenueConfig;
import io.meridian.venues.fix.FixVenueConfig;
import io.meridian.venues.fix.VenueDialect;
import io.meridian.venues.fix.VenueStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Meridian started as in production (Micronaut application context, HTTP server, Artio engine on
 * real loopback sockets), configured for a test: its own data directory and free ports, venue
 * SIMVENUE pointing at a simulator the test owns (so the venue survives a Meridian restart).
 */
final class MeridianTestServer implements AutoCloseable
{
    static final String CLIENT = "CLIENT1";
    static final String SECURE_CLIENT = "CLIENT2";
    static final String SECURE_USER = "client2";
    static final String SECURE_PASSWORD = "s3cret";
    static final String FIX42_CLIENT = "CLIENT42";
    static final String FIXT_CLIENT = "CLIENT50";
    /** Admin API users of every test server (user name = role), password {@link #ADMIN_PASSWORD}. */
    static final String ADMIN_PASSWORD = "test-password";
    // bcrypt at the lowest cost: the hashes are checked on every Basic request of the tests
    private static final String ADMIN_PASSWORD_HASH = io.meridian.gateway.PasswordHash.hash(ADMIN_PASSWORD, 4);

    private ServerConfig config;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ApplicationContext context;
    private EmbeddedServer embeddedServer;

    MeridianTestServer(final Path dataDir, final int venuePort)
    {
        this(dataDir, freePort(), freePort(), venuePort);
    }

    MeridianTestServer(final Path dataDir, final int fixPort, final int httpPort, final int venuePort)
    {
        this(dataDir, fixPort, httpPort, venuePort, "low-resource", "backoff");
    }

    MeridianTestServer(
        final Path dataDir, final int fixPort, final int httpPort, final int venuePort, final String engineScheduler,
        final String coreIdleStrategy)
    {
        this(dataDir, fixPort, httpPort, venuePort, List.of(), new int[0], List.of(), engineScheduler, coreIdleStrategy);
    }

    /**
     * @param extraClients   clients beyond CLIENT1, CLIENT2, CLIENT42 and CLIENT50 (ids from 4 on), e.g. a broker dialect's.
     * @param venueCarryTags venue ExecutionReport tags carried back to clients.
     */
    MeridianTestServer(
        final Path dataDir, final int venuePort, final List<ClientSessionConfig> extraClients, final int[] venueCarryTags)
    {
        this(dataDir, freePort(), freePort(), venuePort, extraClients, venueCarryTags, List.of(), "low-resource",
            "backoff");
    }

    /**
     * With crypto venues (ids from 1 on) and their instruments beside SIMVENUE's.
     */
    MeridianTestServer(
        final Path dataDir, final int venuePort, final List<CryptoVenueConfig> cryptoVenues,
        final List<InstrumentSettings> cryptoInstruments)
    {
        this(dataDir, freePort(), freePort(), venuePort, List.of(), new int[0], List.of(), "low-resource", "backoff",
            cryptoVenues, cryptoInstruments);
    }

    /** With crypto venues and extra client sessions (a dialect or carried tags under test). */
    MeridianTestServer(
        final Path dataDir, final int venuePort, final List<ClientSessionConfig> extraClients,
        final List<CryptoVenueConfig> cryptoVenues, final List<InstrumentSettings> cryptoInstruments)
    {
        this(dataDir, freePort(), freePort(), venuePort, extraClients, new int[0], List.of(), "low-resource", "backoff",
            cryptoVenues, cryptoInstruments);
    }

    /** @param extraVenues venues beyond SIMVENUE (ids from 1 on), e.g. a dialect venue under test. */
    MeridianTestServer(final Path dataDir, final int venuePort, final List<FixVenueConfig> extraVenues)
    {
        this(dataDir, freePort(), freePort(), venuePort, List.of(), new int[0], extraVenues, "low-resource", "backoff");
    }

    private MeridianTestServer(
        final Path dataDir, final int fixPort, final int httpPort, final int venuePort,
        final List<ClientSessionConfig> extraClients, final int[] venueCarryTags, final List<FixVenueConfig> extraVenues,
        final String engineScheduler, final String coreIdleStrategy)
    {
        this(dataDir, fixPort, httpPort, venuePort, extraClients, venueCarryTags, extraVenues, engineScheduler,
            coreIdleStrategy, List.of(), List.of());
    }

    private MeridianTestServer(
        final Path dataDir, final int fixPort, final int httpPort, final int venuePort,
        final List<ClientSessionConfig> extraClients, final int[] venueCarryTags, final List<FixVenueConfig> extraVenues,
        final String engineScheduler, final String coreIdleStrategy, final List<CryptoVenueConfig> cryptoVenues,
        final List<InstrumentSettings> cryptoInstruments)
    {
        this.httpPort = httpPort;
        final List<ClientSessionConfig> clients = new java.util.ArrayList<>(List.of(
            new ClientSessionConfig(0, CLIENT, "MERIDIAN", null, null),
            new ClientSessionConfig(1, SECURE_CLIENT, "MERIDIAN", SECURE_USER, SECURE_PASSWORD),
            new ClientSessionConfig(2, FIX42_CLIENT, "MERIDIAN", null, null, ClientSessionConfig.FIX_4_2),
            new ClientSessionConfig(3, FIXT_CLIENT, "MERIDIAN", null, null, ClientSessionConfig.FIXT_1_1)));
        clients.addAll(extraClients);
        final List<FixVenueConfig> venues = new java.util.ArrayList<>(List.of(
            new FixVenueConfig(0, "SIMVENUE", "localhost", venuePort, "MERIDIAN", "VENUE", null, null, 200,
                venueCarryTags, VenueDialect.FIX44, null)));
        venues.addAll(extraVenues);
        final List<InstrumentSettings> instruments = new java.util.ArrayList<>(List.of(
            // price 4 decimals, whole shares; max 10,000 shares, 1,000,000 notional, 10% collar
            new InstrumentSettings("AAPL", "SIMVENUE", 4, 0, new BigDecimal("190.00"),
                new BigDecimal("10000"), new BigDecimal("1000000"), 1000),
            new InstrumentSettings("MSFT", "SIMVENUE", 4, 0, new BigDecimal("420.00"),
                new BigDecimal("10000"), new BigDecimal("1000000"), 1000),
            new InstrumentSettings("BTC-USD", "SIMVENUE", 2, 8, new BigDecimal("65000.00"),
                new BigDecimal("50"), new BigDecimal("5000000"), 500)));
        instruments.addAll(cryptoInstruments);
        this.config = new ServerConfig(
            dataDir,
            "localhost",
            fixPort,
            coreIdleStrategy,
            "backoff",
            clients,
            venues,
            instruments,
            false,
            0,
            "VENUE",
            engineScheduler,
            cryptoVenues,
            null,
            "backoff");
    }

    /**
     * SIMVENUE with market-data (its books subscribed after each logon) and these instruments routed to it as
     * well; call before {@link #start()}.
     */
    MeridianTestServer fixVenueMarketData(final List<InstrumentSettings> extraInstruments)
    {
        final List<FixVenueConfig> venues = config.venues().stream()
            .map(v -> v.name().equals("SIMVENUE") ? v.withMarketData(true) : v).toList();
        final List<InstrumentSettings> instruments = new java.util.ArrayList<>(config.instruments());
        instruments.addAll(extraInstruments);
        config = copy(venues, instruments, config.simulatorEnabled(), config.simulatorPort());
        return this;
    }

    /**
     * The venue simulator embedded as {@code bin/meridian} embeds it (MeridianServer#simulator()), on the
     * venue port given at construction; call before {@link #start()}.
     */
    MeridianTestServer embeddedSimulator()
    {
        config = copy(config.venues(), config.instruments(), true, config.venues().get(0).port());
        return this;
    }

    private ServerConfig copy(
        final List<FixVenueConfig> venues, final List<InstrumentSettings> instruments, final boolean simulatorEnabled,
        final int simulatorPort)
    {
        return new ServerConfig(config.dataDir(), config.fixBindHost(), config.fixPort(), config.coreIdleStrategy(),
            config.engineIdleStrategy(), config.clients(), venues, instruments, simulatorEnabled,
            simulatorPort, config.simulatorCompId(), config.engineScheduler(), config.cryptoVenues(),
            config.cryptoSimulators(), config.cryptoIdleStrategy(), config.alerts(), config.risk(), config.reconciliation(),
            config.router());
    }

    /** Alerts to these sinks (besides the log); call before {@link #start()}. */
    MeridianTestServer alerts(final io.meridian.risk.alerts.AlertsConfig alerts)
    {
        config = config.withAlerts(alerts);
        return this;
    }

    /** Reconciliation with the venues as {@code settings} say; call before {@link #start()}. */
    MeridianTestServer reconciliation(final io.meridian.admin.ReconciliationSettings settings)
    {
        config = config.withReconciliation(settings);
        return this;
    }

    /** The smart order router as {@code settings} say (routed instruments among the instruments); before start. */
    MeridianTestServer router(final io.meridian.admin.RouterSettings settings)
    {
        config = config.withRouter(settings);
        return this;
    }

    /** Risk limits of the firm, sessions and accounts; call before {@link #start()}. */
    MeridianTestServer risk(final io.meridian.admin.RiskSettings risk)
    {
        config = config.withRisk(risk);
        return this;
    }

    private boolean shadow;
    private double maxInboundDelayMs = io.meridian.admin.MeridianServer.DEFAULT_MAX_INBOUND_DELAY_MS;

    /** meridian.fix.max-inbound-delay-ms (fractions allowed); call before {@link #start()}. */
    MeridianTestServer maxInboundDelayMs(final double millis)
    {
        maxInboundDelayMs = millis;
        return this;
    }

    /** Shadow mode: nothing sent to the venues; call before {@link #start()}. */
    MeridianTestServer shadow()
    {
        shadow = true;
        return this;
    }

    MeridianTestServer start()
    {
        context = ApplicationContext.builder()
            .singletons(config)
            .properties(Map.of(
                "micronaut.server.port", httpPort,
                // tests close servers with orders in flight on purpose: a short graceful drain
                "meridian.shutdown.drain-timeout-ms", 500,
                "meridian.shadow", shadow,
                "meridian.fix.max-inbound-delay-ms", maxInboundDelayMs,
                // no scheduled day roll in the middle of a test (the shipped YAML rolls at 22:00 UTC)
                "meridian.oms.day-roll-at", "",
                "meridian.admin.users", List.of(
                    Map.of("name", "viewer", "role", "viewer", "password-hash", ADMIN_PASSWORD_HASH),
                    Map.of("name", "operator", "role", "operator", "password-hash", ADMIN_PASSWORD_HASH),
                    Map.of("name", "admin", "role", "admin", "password-hash", ADMIN_PASSWORD_HASH))))
            .deduceEnvironment(false)
            .start();
        embeddedServer = context.getBean(EmbeddedServer.class).start();
        return this;
    }

    MeridianTestServer awaitVenueConnected() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (!server().venueBridge().status().stream().allMatch(VenueStatus::connected))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("venue not connected: " + server().venueBridge().status());
            }
            Thread.sleep(10);
        }
        return this;
    }

    MeridianTestServer awaitCryptoConnected() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (!server().cryptoStatus().stream().allMatch(s -> s.connected() && "websocket".equals(s.orderChannel()) &&
            !"down".equals(s.userStream())))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("crypto venues not connected: " + server().cryptoStatus());
            }
            Thread.sleep(10);
        }
        return this;
    }

    MeridianServer server()
    {
        return context.getBean(MeridianServer.class);
    }

    int fixPort()
    {
        return config.fixPort();
    }

    ServerConfig config()
    {
        return config;
    }

    /** GET as the admin API user {@code viewer} (HTTP Basic over loopback). */
    HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return send("viewer", "GET", path, null, null);
    }

    /**
     * Any request to the admin API as one of the test users ({@code viewer}, {@code operator},
     * {@code admin}; null for none), with an optional body and content type.
     */
    HttpResponse<String> send(
        final String user, final String method, final String path, final String contentType, final String body)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null)
        {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (contentType != null)
        {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String baseUri()
    {
        return "http://127.0.0.1:" + httpPort;
    }

    ApplicationContext context()
    {
        return context;
    }

    public void close()
    {
        if (embeddedServer != null)
        {
            embeddedServer.stop();
        }
        if (context != null && context.isRunning())
        {
            context.close();
        }
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (final IOException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
