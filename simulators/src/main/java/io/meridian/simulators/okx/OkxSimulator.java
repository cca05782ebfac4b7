package io.meridian.simulators.okx;

import io.meridian.simulators.exchange.ExchangeConfig;
import io.meridian.simulators.exchange.ExchangeLoop;
import io.meridian.simulators.exchange.MarketMaker;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.matching.MatchingClock;
import io.meridian.simulators.net.ControlledVenue;
import io.meridian.simulators.net.HttpRequest;
import io.meridian.simulators.net.SimServer;
import io.meridian.simulators.net.WebSocketHandler;
import io.meridian.simulators.net.WebSocketSession;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A running OKX v5 simulator: the shared exchange core (seeded book and market maker) behind
 * {@link OkxFrontEnd}, served by one {@link SimServer} (REST {@code /api/v5}, WebSocket
 * {@code /ws/v5/public} and {@code /ws/v5/private} on the same port), with its {@link FaultPlan}.
 * Start it embedded with {@link #start(Config)} (port 0 for tests), reset it between tests with
 * {@link #reset(long)}, stop it with {@link #close()}.
 */
public final class OkxSimulator implements ControlledVenue, AutoCloseable {
    /** Venue name on the control endpoint. */
    public static final String VENUE = "okx";
    /** API keys of the standard accounts {@code trader1} and {@code trader2}. */
    public static final List<OkxCredentials> DEFAULT_CREDENTIALS = List.of(
        new OkxCredentials("okx-trader1-key", "okx-trader1-secret", "okx-trader1-pass", "trader1"),
        new OkxCredentials("okx-trader2-key", "okx-trader2-secret", "okx-trader2-pass", "trader2"));

    /**
     * How to start.
     *
     * @param makerStepMs market-maker step period; 0 leaves the book still unless {@link #stepMarket} is called
     * @param exchange    adjusts the standard listing (BTC-USDT, ETH-USDT, two traders, a market maker)
     */
    public record Config(String host, int port, long seed, long makerStepMs, List<OkxCredentials> credentials,
                         UnaryOperator<ExchangeConfig> exchange) {
        /** Loopback, the given port and seed, a market maker stepping every 200 ms, the default keys. */
        public static Config defaults(int port, long seed) {
            return new Config("127.0.0.1", port, seed, 200, DEFAULT_CREDENTIALS, UnaryOperator.identity());
        }

        public Config withMakerStepMs(long newMakerStepMs) {
            return new Config(host, port, seed, newMakerStepMs, credentials, exchange);
        }

        public Config withExchange(UnaryOperator<ExchangeConfig> newExchange) {
            return new Config(host, port, seed, makerStepMs, credentials, newExchange);
        }
    }

    private final Config config;
    private final ExchangeLoop loop = new ExchangeLoop("okx-exchange");
    private final MatchingClock clock = MatchingClock.system();
    private final FaultPlan faults;
    private final SimServer server;
    private volatile State state;

    private record State(SimulatedExchange exchange, MarketMaker maker, OkxFrontEnd frontEnd, ScheduledFuture<?> ticker) {
    }

    private OkxSimulator(Config config) {
        this.config = config;
        this.faults = new FaultPlan(VENUE, config.seed(), () -> clock.epochNanos() / 1_000_000);
        this.state = join(loop.call(() -> build(config.seed())));
        faults.onInject(this::onInject);
        this.server = SimServer.start(VENUE, config.host(), config.port(),
            request -> state.frontEnd().handle(request), new WebSocketHandler() {
                @Override
                public WebSocketListener accept(HttpRequest upgrade, WebSocketSession session) {
                    return state.frontEnd().accept(upgrade, session);
                }
            });
    }

    /** Starts a simulator; the port may be 0 (ephemeral). */
    public static OkxSimulator start(Config config) {
        return new OkxSimulator(config);
    }

    /** Starts a simulator with the standard listing, a live market maker and the default keys. */
    public static OkxSimulator start(int port, long seed) {
        return start(Config.defaults(port, seed));
    }

    public int port() {
        return server.port();
    }

    /** REST base, e.g. {@code http://127.0.0.1:PORT} (paths start with {@code /api/v5}). */
    public URI restUri() {
        return URI.create(server.httpUrl());
    }

    public URI publicWsUri() {
        return URI.create(server.wsUrl() + OkxFrontEnd.WS_PUBLIC);
    }

    public URI privateWsUri() {
        return URI.create(server.wsUrl() + OkxFrontEnd.WS_PRIVATE);
    }

    @Override
    public String venue() {
        return VENUE;
    }

    @Override
    public FaultPlan faults() {
        return faults;
    }

    /** Runs {@code query} on the exchange's thread and waits for it (tests and tools). */
    public <T> T onExchange(Function<SimulatedExchange, T> query) {
        State current = state;
        return join(loop.call(() -> query.apply(current.exchange())));
    }

    /** Runs {@code query} on the exchange's thread with the front end (tests comparing books). */
    public <T> T onFrontEnd(Function<OkxFrontEnd, T> query) {
        State current = state;
        return join(loop.call(() -> query.apply(current.frontEnd())));
    }

    /** Steps the market maker {@code steps} times on the exchange's thread. */
    public void stepMarket(int steps) {
        State current = state;
        join(loop.call(() -> {
            for (int i = 0; i < steps; i++) {
                current.maker().step();
            }
            return null;
        }));
    }

    @Override
    public void reset(long seed) {
        server.dropWebSockets();
        faults.reseed(seed);
        State old = state;
        state = join(loop.call(() -> {
            if (old.ticker() != null) {
                old.ticker().cancel(false);
            }
            old.frontEnd().forgetSessions();
            return build(seed);
        }));
    }

    @Override
    public void close() {
        server.close();
        loop.close();
    }

    private State build(long seed) {
        ExchangeConfig exchangeConfig = config.exchange().apply(
            ExchangeConfig.standard(VENUE, (base, quote) -> base + "-" + quote, seed)).withSeed(seed);
        SimulatedExchange exchange = new SimulatedExchange(exchangeConfig, clock);
        MarketMaker maker = new MarketMaker(exchange, exchangeConfig.makers(), seed);
        maker.start();
        OkxFrontEnd frontEnd = new OkxFrontEnd(exchange, loop, faults, config.credentials());
        frontEnd.start();
        ScheduledFuture<?> ticker = config.makerStepMs() > 0 ? loop.every(maker::step, config.makerStepMs()) : null;
        return new State(exchange, maker, frontEnd, ticker);
    }

    private void onInject(FaultSpec spec) {
        if (spec.type() == FaultType.DROP_CONNECTIONS) {
            server.dropWebSockets();
        } else if (spec.type() == FaultType.VENUE_DOWN) {
            server.goDown(spec.durationMs());
        }
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("OKX simulator exchange loop failed", e);
        }
    }
}
