package io.meridian.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.fix.VenueControl;
import org.HdrHistogram.Histogram;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SLF4JLogFactory;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.PossDupFlag;
import quickfix.field.RefSeqNum;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.fix44.OrderCancelRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static io.meridian.systemtests.Orders.limit;

/**
 * The kill -9 loop: a QuickFIX/J client sends new orders (resting and marketable) and cancels at a
 * steady rate to a Meridian child process trading AAPL on a FIX venue simulator (and, with
 * {@link Settings#crypto()}, a second client BTC-USDT on a Binance simulator), the simulators
 * outliving Meridian, while Meridian is killed with
 * SIGKILL at seeded random moments and restarted at once on the same data directory. The checker then
 * proves what a desk relies on after crashes: every request answered, no ExecID reused with other
 * content, CumQty never decreasing, no outbound MsgSeqNum reused (no client ever had to log out for
 * "MsgSeqNum too low" or saw one number twice without PossDup), the final states equal between each
 * client, Meridian and each venue, reconciliation finding no drift, and, after a last graceful stop,
 * the journal replayed to the very state (OMS and store hashes) the live server stopped with.
 *
 * <p>Run from {@code bin/kill-loop} (any number of kills) and, with 20 kills, from
 * {@link KillLoopSystemTest}.
 */
final class KillLoop
{
    private static final String CLIENT = MeridianTestServer.CLIENT;
    /** the shipped configuration's second client (password change-me) */
    private static final String CRYPTO_CLIENT = "CLIENT2";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param kills how many SIGKILLs; @param ordersPerSecond requests sent per second while logged on. */
    /**
     * @param crypto with the second client trading BTC-USDT on a Binance simulator that outlives Meridian.
     */
    record Settings(int kills, int ordersPerSecond, long seed, long minUpMs, long maxUpMs, Path dir, boolean crypto)
    {
    }

    /** What the run did and every broken promise found. */
    record Result(
        int kills, long requestsSent, long newOrders, long cancels, long answered, long fills, long filledOrders,
        long restartsMs50, long restartsMsMax, long ordersCompared, long venueOrdersCompared, List<String> violations)
    {
        String describe()
        {
            return String.format(
                "kills=%d requests=%d (new orders %d, cancels %d) answered=%d fills=%d filledOrders=%d " +
                "restart-to-healthy p50=%d ms max=%d ms; final states compared: %d client orders with Meridian, " +
                "%d venue orders with Meridian; violations=%d%s%s",
                kills, requestsSent, newOrders, cancels, answered, fills, filledOrders, restartsMs50, restartsMsMax,
                ordersCompared, venueOrdersCompared, violations.size(), violationKinds(),
                violations.isEmpty() ? "" : "\n  " + String.join("\n  ", violations.subList(0, Math.min(50, violations.size()))));
        }

        /** How many violations of each kind (ids and numbers left out): the list above stops at 50. */
        private String violationKinds()
        {
            final Map<String, Integer> kinds = new java.util.TreeMap<>();
            for (final String violation : violations)
            {
                kinds.merge(violation.replaceAll("[A-Z0-9]+\\.[0-9]+(-[0-9]+)?", "<id>").replaceAll("[0-9]+", "N"), 1,
                    Integer::sum);
            }
            return kinds.isEmpty() ? "" : " by kind " + kinds;
        }
    }

    private KillLoop()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int kills = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        final int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        final long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        final Path dir = Files.createTempDirectory("meridian-kill-loop");
        System.out.println("kill loop: kills=" + kills + " rate=" + rate + "/s seed=" + seed + " dir=" + dir);
        final boolean crypto = args.length > 3 && args[3].equals("crypto");
        final Result result = run(new Settings(kills, rate, seed, 1_000, 6_000, dir, crypto));
        System.out.println(result.describe());
        System.exit(result.violations().isEmpty() ? 0 : 1);
    }

    static Result run(final Settings settings) throws Exception
    {
        final Random random = new Random(settings.seed());
        final int fixPort = MeridianTestServer.freePort();
        final Histogram restarts = new Histogram(3);
        final List<String> storeViolations = new ArrayList<>();
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).build()).start();
            BinanceSimulator binance = BinanceSimulator.start(
                BinanceSimulatorConfig.defaults(0, settings.seed()).withMakerStepMillis(200));
            MeridianProcess meridian = new MeridianProcess(
                settings.dir().resolve("meridian"), fixPort, MeridianTestServer.freePort(), venue.port(),
                settings.crypto() ? binance.restUrl() : null))
        {
            meridian.start().awaitHealthy(START_TIMEOUT);
            final LoopClient client = new LoopClient(fixPort, settings.dir().resolve("client"), CLIENT, null, null,
                Market.AAPL);
            final LoopClient crypto = new LoopClient(fixPort, settings.dir().resolve("client2"), CRYPTO_CLIENT,
                "client2", "change-me", Market.BTC);
            try
            {
                client.start();
                if (settings.crypto())
                {
                    crypto.start();
                }
                boolean cryptoTurn = false;
                final long intervalNs = TimeUnit.SECONDS.toNanos(1) / settings.ordersPerSecond();
                long nextMakerStepMs = 0;
                for (int kill = 1; kill <= settings.kills(); kill++)
                {
                    final long upUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                        settings.minUpMs() + (long)(random.nextDouble() * (settings.maxUpMs() - settings.minUpMs())));
                    long next = System.nanoTime();
                    while (System.nanoTime() < upUntil)
                    {
                        if (System.currentTimeMillis() >= nextMakerStepMs)
                        {
                            // the seed book's liquidity comes back, so marketable orders keep filling
                            venue.control().stepMarketMaker();
                            nextMakerStepMs = System.currentTimeMillis() + 1_000;
                        }
                        client.sendOne(random);
                        // the crypto client at half the rate: the simulated account's balance lasts the loop
                        if (cryptoTurn && settings.crypto())
                        {
                            crypto.sendOne(random);
                        }
                        cryptoTurn = !cryptoTurn;
                        next += intervalNs;
                        final long sleepNs = next - System.nanoTime();
                        if (sleepNs > 0)
                        {
                            TimeUnit.NANOSECONDS.sleep(sleepNs);
                        }
                    }
                    meridian.kill();
                    final long startNs = System.nanoTime();
                    meridian.start().awaitHealthy(START_TIMEOUT);
                    restarts.recordValue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs));
                    final String store = logged(meridian.log(), "event=store_opened ");
                    if (store != null && store.contains("corruptions found by recovery"))
                    {
                        // a kill inside a map write leaves an entry recovery removes: rebuilt, as designed (the
                        // final comparison proves the rebuilt lineage right too); shown, not a violation
                        System.out.println("kill loop: restart " + kill + ": " + store + ": " +
                            allLogged(meridian.log(), "event=store_corruption "));
                    }
                    else if (store == null || !store.contains("kept after recovery"))
                    {
                        // the store is written after the journal: a kill never leaves it ahead of it or foreign
                        storeViolations.add("restart " + kill + ": the store was not kept after the kill: " + store);
                    }
                }
                client.awaitQuiet(Duration.ofSeconds(60));
                if (settings.crypto())
                {
                    crypto.awaitQuiet(Duration.ofSeconds(60));
                }
                final List<String> violations = new ArrayList<>(client.violations());
                violations.addAll(storeViolations);
                violations.addAll(crypto.violations());
                long compared = compareWithMeridian(client, meridian, violations);
                compared += compareWithMeridian(crypto, meridian, violations);
                long venueCompared = compareVenueWithMeridian(venue.control(), meridian, violations);
                if (settings.crypto())
                {
                    venueCompared += compareBinanceWithMeridian(binance, meridian, violations);
                }
                awaitNoDrift(meridian, violations);
                compareReplayWithLiveState(meridian, violations);
                return new Result(settings.kills(), client.requests.size() + crypto.requests.size(),
                    client.newOrders + crypto.newOrders, client.cancels + crypto.cancels,
                    client.answeredCount() + crypto.answeredCount(), client.fills + crypto.fills,
                    client.filledOrders() + crypto.filledOrders(), restarts.getValueAtPercentile(50),
                    restarts.getMaxValue(), compared, venueCompared, violations);
            }
            finally
            {
                client.close();
                crypto.close();
            }
        }
    }

    /** The client's last report of each order against Meridian's order book. */
    private static long compareWithMeridian(final LoopClient client, final MeridianProcess meridian,
        final List<String> violations) throws IOException, InterruptedException
    {
        final Map<String, JsonNode> byOrderId = new HashMap<>();
        for (final JsonNode order : JSON.readTree(meridian.get("/orders?status=all")))
        {
            byOrderId.put(order.get("orderId").asText(), order);
        }
        long compared = 0;
        for (final Map.Entry<String, Report> last : client.lastReportByOrderId.entrySet())
        {
            final JsonNode order = byOrderId.get(last.getKey());
            if (order == null)
            {
                violations.add("order " + last.getKey() + " reported to the client is unknown to Meridian");
                continue;
            }
            compared++;
            final char status = fixStatus(order.get("ordStatus").asText());
            final BigDecimal cumQty = new BigDecimal(order.get("cumQty").asText());
            if (status != last.getValue().ordStatus || cumQty.compareTo(last.getValue().cumQty) != 0)
            {
                violations.add("order " + last.getKey() + ": client has 39=" + last.getValue().ordStatus + " 14=" +
                    last.getValue().cumQty + ", Meridian " + order.get("ordStatus").asText() + " " + cumQty);
            }
        }
        return compared;
    }

    /** Every order the venue holds against Meridian's view of it (by the venue's OrderID). */
    private static long compareVenueWithMeridian(final VenueControl venue, final MeridianProcess meridian,
        final List<String> violations) throws IOException, InterruptedException
    {
        final Map<String, JsonNode> byVenueOrderId = new HashMap<>();
        for (final JsonNode order : JSON.readTree(meridian.get("/orders?status=all")))
        {
            final JsonNode venueOrderId = order.get("venueOrderId");
            if (venueOrderId != null && !venueOrderId.isNull())
            {
                byVenueOrderId.put(venueOrderId.asText(), order);
            }
        }
        long compared = 0;
        for (final VenueControl.OrderState state : venue.clientOrders())
        {
            final JsonNode order = byVenueOrderId.get(state.orderId());
            if (order == null)
            {
                violations.add("venue order " + state.orderId() + " (" + state.clOrdId() + ", 39=" + state.ordStatus() +
                    ") is unknown to Meridian");
                continue;
            }
            compared++;
            final boolean meridianOpen = order.get("open").asBoolean();
            final BigDecimal cumQty = new BigDecimal(order.get("cumQty").asText());
            if (meridianOpen != state.isLive() || cumQty.compareTo(state.cumQty()) != 0)
            {
                violations.add("venue order " + state.orderId() + ": venue 39=" + state.ordStatus() + " 14=" +
                    state.cumQty() + ", Meridian " + order.get("ordStatus").asText() + " " + cumQty);
            }
        }
        return compared;
    }

    /** Binance's orders and trades against Meridian's BTC-USDT orders (by the venue's orderId). */
    private static long compareBinanceWithMeridian(final BinanceSimulator binance, final MeridianProcess meridian,
        final List<String> violations) throws IOException, InterruptedException
    {
        final Map<String, BigDecimal> venueCum = new HashMap<>();
        for (final Fill fill : binance.onExchange(exchange -> exchange.trades("trader1", "BTCUSDT")))
        {
            venueCum.merge(Long.toString(fill.orderId()), Amounts.toDecimal(fill.qty()), BigDecimal::add);
        }
        final Map<String, io.meridian.simulators.exchange.OrderView> venueOpen = new HashMap<>();
        binance.onExchange(exchange -> exchange.openOrders("trader1", "BTCUSDT"))
            .forEach(o -> venueOpen.put(Long.toString(o.orderId()), o));
        long compared = 0;
        final java.util.Set<String> known = new java.util.HashSet<>();
        for (final JsonNode order : JSON.readTree(meridian.get("/orders?status=all")))
        {
            final JsonNode venueOrderId = order.get("venueOrderId");
            if (!"BTC-USDT".equals(order.path("symbol").asText()) || venueOrderId == null || venueOrderId.isNull() ||
                venueOrderId.asText().isEmpty())
            {
                continue;
            }
            final String id = venueOrderId.asText();
            known.add(id);
            compared++;
            final BigDecimal cum = new BigDecimal(order.get("cumQty").asText());
            final BigDecimal atVenue = venueCum.getOrDefault(id, BigDecimal.ZERO);
            final boolean open = order.get("open").asBoolean();
            if (cum.compareTo(atVenue) != 0 || open != venueOpen.containsKey(id))
            {
                violations.add("Binance order " + id + ": venue cum " + atVenue + (venueOpen.containsKey(id) ? " open" :
                    " done") + ", Meridian " + order.get("ordStatus").asText() + " " + cum);
            }
        }
        venueOpen.keySet().stream().filter(id -> !known.contains(id))
            .forEach(id -> violations.add("Binance order " + id + " is open at the venue, unknown to Meridian"));
        return compared;
    }

    /** Reconciliation, once the loop is quiet, finds Meridian and every venue in agreement. */
    private static void awaitNoDrift(final MeridianProcess meridian, final List<String> violations)
        throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode open = JSON.readTree(meridian.get("/drift-events"));
        while (!open.isEmpty() && System.nanoTime() < deadline)
        {
            Thread.sleep(500);
            open = JSON.readTree(meridian.get("/drift-events"));
        }
        open.forEach(event -> violations.add("drift after the loop: " + event.path("venue").asText() + " " +
            event.path("cause").asText() + " " + event.path("subject").asText() + " (Meridian: " +
            event.path("ours").asText() + "; venue: " + event.path("venueSays").asText() + ")"));
    }

    /**
     * A last graceful stop logs the state the sequencer stopped with; the next start replays the whole
     * journal (every crash in it) and must log the very same state: OMS and store hashes. The store is
     * deleted before that start, so the one the kills left (kept and completed at every restart) is
     * compared with one rebuilt from the journal alone.
     */
    private static void compareReplayWithLiveState(final MeridianProcess meridian, final List<String> violations)
        throws IOException, InterruptedException
    {
        meridian.terminate();
        if (meridian.awaitExit(Duration.ofSeconds(60)) != 0)
        {
            violations.add("the last graceful stop did not exit 0");
        }
        org.agrona.IoUtil.delete(meridian.dataDir().resolve("store").toFile(), false);
        final String stopped = logged(meridian.log(), "event=final_state ");
        meridian.start().awaitHealthy(START_TIMEOUT);
        final String replayed = logged(meridian.log(), "event=journal_recovered ");
        final String state = "lastSequence=";
        if (stopped == null || replayed == null || !stopped.substring(stopped.indexOf(state))
            .equals(replayed.substring(replayed.indexOf(state))))
        {
            violations.add("replayed state differs from the state at the stop: stopped \"" + stopped + "\", replayed \"" +
                replayed + "\"");
        }
    }

    private static List<String> allLogged(final Path log, final String event) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : Files.readAllLines(log))
        {
            final int at = line.indexOf(event);
            if (at >= 0)
            {
                lines.add(line.substring(at).trim());
            }
        }
        return lines;
    }

    private static String logged(final Path log, final String event) throws IOException
    {
        final List<String> lines = allLogged(log, event);
        return lines.isEmpty() ? null : lines.get(0);
    }

    private static char fixStatus(final String name)
    {
        return io.meridian.oms.model.OrdStatus.valueOf(name).fixValue();
    }

    /** One ExecutionReport as the client saw it. */
    private record Report(char ordStatus, BigDecimal cumQty)
    {
    }

    /** A request and whether it was answered. */
    private static final class Request
    {
        final boolean cancel;
        volatile boolean answered;

        Request(final boolean cancel)
        {
            this.cancel = cancel;
        }
    }

    /** What one client trades: its symbol, a marketable price, resting prices and the quantities. */
    private record Market(String symbol, String marketablePrice, java.util.function.IntFunction<String> restingPrice,
        java.util.function.IntFunction<String> marketableQty, String restingQty)
    {
        /** marketable takes the FIX venue's seeded asks (190.10 and up); resting below its bids */
        static final Market AAPL = new Market("AAPL", "191.00", r -> "18" + r + ".00",
            q -> String.valueOf(1 + q), "10");
        /** marketable takes the Binance simulator's asks (about 60,000); resting below its bids */
        static final Market BTC = new Market("BTC-USDT", "61000.00", r -> "59" + r + "00.00",
            q -> "0.00" + (1 + q), "0.002");
    }

    /** QuickFIX/J's log, and the last {@value #RECENT} messages in and out (SOH shown as |) kept in memory. */
    private static final class RecentMessagesLogFactory implements quickfix.LogFactory
    {
        static final int RECENT = 120;
        private final quickfix.LogFactory delegate;
        private final java.util.ArrayDeque<String> recent;

        RecentMessagesLogFactory(final quickfix.LogFactory delegate, final java.util.ArrayDeque<String> recent)
        {
            this.delegate = delegate;
            this.recent = recent;
        }

        public quickfix.Log create(final SessionID sessionId)
        {
            final quickfix.Log log = delegate.create(sessionId);
            return new quickfix.Log()
            {
                public void clear()
                {
                    log.clear();
                }

                public void onIncoming(final String message)
                {
                    keep("in  " + message);
                    log.onIncoming(message);
                }

                public void onOutgoing(final String message)
                {
                    keep("out " + message);
                    log.onOutgoing(message);
                }

                public void onEvent(final String text)
                {
                    keep("evt " + text);
                    log.onEvent(text);
                }

                public void onErrorEvent(final String text)
                {
                    keep("err " + text);
                    log.onErrorEvent(text);
                }
            };
        }

        private void keep(final String line)
        {
            synchronized (recent)
            {
                if (recent.size() == RECENT)
                {
                    recent.removeFirst();
                }
                recent.addLast(line.replace('\u0001', '|'));
            }
        }
    }

    /** A buy-side client: sends, records every answer and checks each as it comes. */
    private static final class LoopClient implements Application, AutoCloseable
    {
        private final SessionID sessionId;
        private final Market market;
        private final String username;
        private final String password;
        private final SocketInitiator initiator;
        final Map<String, Request> requests = new ConcurrentHashMap<>();
        private final Map<Integer, String> clOrdIdBySeqNum = new ConcurrentHashMap<>();
        private final Map<String, String> execIds = new ConcurrentHashMap<>();
        private final Map<String, BigDecimal> cumQtyByOrderId = new ConcurrentHashMap<>();
        final Map<String, Report> lastReportByOrderId = new ConcurrentHashMap<>();
        /** ClOrdID of each order the client believes working, with its OrderID */
        private final Map<String, String> working = new LinkedHashMap<>();
        private final Map<Integer, String> receivedSeqNums = new ConcurrentHashMap<>();
        private final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        /** the last messages in and out, for the context of a violation */
        private final java.util.ArrayDeque<String> recentMessages = new java.util.ArrayDeque<>();
        private int nextId;
        long newOrders;
        long cancels;
        volatile long fills;

        LoopClient(
            final int port, final Path storeDir, final String compId, final String username, final String password,
            final Market market) throws ConfigError
        {
            this.sessionId = new SessionID("FIX.4.4", compId, "MERIDIAN");
            this.market = market;
            this.username = username;
            this.password = password;
            final String config = String.join("\n",
                "[DEFAULT]", "ConnectionType=initiator", "HeartBtInt=5", "ReconnectInterval=1",
                "StartTime=00:00:00", "EndTime=00:00:00", "UseDataDictionary=Y", "DataDictionary=fix/FIX44.xml",
                "FileStorePath=" + storeDir.toAbsolutePath(),
                "[SESSION]", "BeginString=FIX.4.4", "SenderCompID=" + compId, "TargetCompID=MERIDIAN",
                "SocketConnectHost=localhost", "SocketConnectPort=" + port, "");
            final SessionSettings settings = new SessionSettings(
                new ByteArrayInputStream(config.getBytes(StandardCharsets.US_ASCII)));
            initiator = new SocketInitiator(this, new FileStoreFactory(settings), settings,
                new RecentMessagesLogFactory(new SLF4JLogFactory(settings), recentMessages), new DefaultMessageFactory());
        }

        void start() throws ConfigError, InterruptedException
        {
            initiator.start();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!isLoggedOn())
            {
                if (System.nanoTime() > deadline)
                {
                    throw new AssertionError("the kill loop's client " + sessionId + " did not log on");
                }
                Thread.sleep(10);
            }
        }

        private boolean isLoggedOn()
        {
            final Session session = Session.lookupSession(sessionId);
            return session != null && session.isLoggedOn();
        }

        /** One request, only while logged on (a request never sent is not counted). */
        void sendOne(final Random random)
        {
            if (!isLoggedOn())
            {
                return;
            }
            final double dice = random.nextDouble();
            final Message message;
            final String clOrdId = "K" + (++nextId);
            final boolean cancel;
            synchronized (working)
            {
                if (dice < 0.3 && !working.isEmpty())
                {
                    final List<String> open = new ArrayList<>(working.keySet());
                    final String target = open.get(random.nextInt(open.size()));
                    working.remove(target);
                    final OrderCancelRequest request = new OrderCancelRequest(new quickfix.field.OrigClOrdID(target),
                        new ClOrdID(clOrdId), new quickfix.field.Side(quickfix.field.Side.BUY), new quickfix.field.TransactTime(LocalDateTime.now()));
                    request.set(new quickfix.field.Symbol(market.symbol()));
                    request.set(new quickfix.field.OrderQty(Double.parseDouble(market.restingQty())));
                    message = request;
                    cancel = true;
                }
                else if (dice < 0.55)
                {
                    message = limit(clOrdId, quickfix.field.Side.BUY, market.marketableQty().apply(random.nextInt(5)),
                        market.symbol(), market.marketablePrice(), TimeInForce.IMMEDIATE_OR_CANCEL);
                    cancel = false;
                }
                else
                {
                    // resting: below the venue's bids, working until cancelled
                    message = limit(clOrdId, quickfix.field.Side.BUY, market.restingQty(), market.symbol(),
                        market.restingPrice().apply(random.nextInt(9)), TimeInForce.GOOD_TILL_CANCEL);
                    cancel = false;
                }
            }
            requests.put(clOrdId, new Request(cancel));
            if (cancel)
            {
                cancels++;
            }
            else
            {
                newOrders++;
            }
            Session.lookupSession(sessionId).send(message);
        }

        long answeredCount()
        {
            return requests.values().stream().filter(r -> r.answered).count();
        }

        long filledOrders()
        {
            return lastReportByOrderId.values().stream().filter(r -> r.ordStatus == OrdStatus.FILLED).count();
        }

        /** Waits until every request is answered and no order is pending, or the timeout. */
        void awaitQuiet(final Duration timeout) throws InterruptedException
        {
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline)
            {
                final boolean pending = lastReportByOrderId.values().stream().anyMatch(r ->
                    r.ordStatus == OrdStatus.PENDING_NEW || r.ordStatus == OrdStatus.PENDING_CANCEL);
                if (isLoggedOn() && answeredCount() == requests.size() && !pending)
                {
                    return;
                }
                Thread.sleep(100);
            }
        }

        List<String> violations()
        {
            final List<String> all = new ArrayList<>(violations);
            requests.forEach((clOrdId, request) ->
            {
                if (!request.answered)
                {
                    all.add((request.cancel ? "cancel " : "order ") + clOrdId + " never answered");
                }
            });
            lastReportByOrderId.forEach((orderId, report) ->
            {
                if (report.ordStatus == OrdStatus.PENDING_NEW || report.ordStatus == OrdStatus.PENDING_CANCEL)
                {
                    all.add("order " + orderId + " left pending (39=" + report.ordStatus + ")");
                }
            });
            // two clients trade on different venues: say whose
            all.replaceAll(violation -> market.symbol() + " client: " + violation);
            return all;
        }

        public void close()
        {
            initiator.stop(true);
        }

        public void onCreate(final SessionID sessionId)
        {
        }

        public void onLogon(final SessionID sessionId)
        {
        }

        public void onLogout(final SessionID sessionId)
        {
        }

        public void toAdmin(final Message message, final SessionID sessionId)
        {
            try
            {
                if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)) && username != null)
                {
                    message.setString(quickfix.field.Username.FIELD, username);
                    message.setString(quickfix.field.Password.FIELD, password);
                }
                if (MsgType.LOGOUT.equals(message.getHeader().getString(MsgType.FIELD)) && message.isSetField(Text.FIELD) &&
                    message.getString(Text.FIELD).contains("MsgSeqNum too low"))
                {
                    violations.add("client logged out: " + message.getString(Text.FIELD));
                    synchronized (recentMessages)
                    {
                        System.out.println("kill loop: " + sessionId + " logged out (" + message.getString(Text.FIELD) +
                            "); the messages before, oldest first:\n  " + String.join("\n  ", recentMessages));
                    }
                }
            }
            catch (final FieldNotFound e)
            {
                violations.add("malformed admin message from the client: " + e);
            }
        }

        public void fromAdmin(final Message message, final SessionID sessionId)
        {
            try
            {
                checkSeqNum(message);
                if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD)))
                {
                    final String clOrdId = clOrdIdBySeqNum.get(message.getInt(RefSeqNum.FIELD));
                    if (clOrdId != null && requests.containsKey(clOrdId))
                    {
                        requests.get(clOrdId).answered = true;
                    }
                }
            }
            catch (final FieldNotFound e)
            {
                violations.add("malformed admin message: " + e);
            }
        }

        public void toApp(final Message message, final SessionID sessionId)
        {
            try
            {
                if (message.isSetField(ClOrdID.FIELD))
                {
                    clOrdIdBySeqNum.put(message.getHeader().getInt(MsgSeqNum.FIELD), message.getString(ClOrdID.FIELD));
                }
            }
            catch (final FieldNotFound e)
            {
                throw new IllegalStateException(e);
            }
        }

        public void fromApp(final Message message, final SessionID sessionId)
        {
            try
            {
                checkSeqNum(message);
                final String type = message.getHeader().getString(MsgType.FIELD);
                if (MsgType.EXECUTION_REPORT.equals(type))
                {
                    onReport(message);
                }
                else if (MsgType.ORDER_CANCEL_REJECT.equals(type))
                {
                    answer(message.getString(ClOrdID.FIELD));
                    // the order the cancel was for is working again (or already done)
                    final String orig = message.getString(quickfix.field.OrigClOrdID.FIELD);
                    final String orderId = message.getString(OrderID.FIELD);
                    final Report report = lastReportByOrderId.get(orderId);
                    synchronized (working)
                    {
                        if (report != null && (report.ordStatus == OrdStatus.NEW || report.ordStatus == OrdStatus.PARTIALLY_FILLED))
                        {
                            working.put(orig, orderId);
                        }
                    }
                }
                else if (MsgType.BUSINESS_MESSAGE_REJECT.equals(type))
                {
                    final String clOrdId = clOrdIdBySeqNum.get(message.getInt(RefSeqNum.FIELD));
                    if (clOrdId != null)
                    {
                        answer(clOrdId);
                    }
                }
            }
            catch (final FieldNotFound e)
            {
                violations.add("malformed message from Meridian: " + e + " " + message);
            }
        }

        private void onReport(final Message report) throws FieldNotFound
        {
            final String clOrdId = report.getString(ClOrdID.FIELD);
            final String orderId = report.getString(OrderID.FIELD);
            final String execId = report.getString(ExecID.FIELD);
            final char execType = report.getChar(ExecType.FIELD);
            final char ordStatus = report.getChar(OrdStatus.FIELD);
            final BigDecimal cumQty = report.getDecimal(CumQty.FIELD);
            final String content = clOrdId + "|" + orderId + "|" + execType + "|" + ordStatus + "|" +
                cumQty.stripTrailingZeros().toPlainString() + "|" +
                (report.isSetField(LastQty.FIELD) ? report.getDecimal(LastQty.FIELD).stripTrailingZeros().toPlainString() : "");
            final String earlier = execIds.putIfAbsent(execId, content);
            if (earlier != null && !earlier.equals(content))
            {
                violations.add("ExecID " + execId + " reused: " + earlier + " then " + content);
            }
            if (earlier == null && execType == ExecType.TRADE)
            {
                fills++;
            }
            final BigDecimal before = cumQtyByOrderId.get(orderId);
            if (before != null && cumQty.compareTo(before) < 0)
            {
                violations.add("order " + orderId + ": CumQty went down from " + before + " to " + cumQty + " (ExecID " +
                    execId + ")");
            }
            cumQtyByOrderId.merge(orderId, cumQty, BigDecimal::max);
            lastReportByOrderId.put(orderId, new Report(ordStatus, cumQty));
            if (execType != ExecType.ORDER_STATUS)
            {
                // a status report restates the order (after an unclean restart); it answers no request
                answer(clOrdId);
            }
            synchronized (working)
            {
                final Request request = requests.get(clOrdId);
                if (request != null && !request.cancel)
                {
                    if (ordStatus == OrdStatus.NEW || ordStatus == OrdStatus.PARTIALLY_FILLED)
                    {
                        working.put(clOrdId, orderId);
                    }
                    else if (ordStatus != OrdStatus.PENDING_NEW)
                    {
                        working.remove(clOrdId);
                    }
                }
            }
        }

        private void answer(final String clOrdId)
        {
            final Request request = requests.get(clOrdId);
            if (request != null)
            {
                request.answered = true;
            }
        }

        /** A number seen twice must be a PossDup resend of the same message. */
        private void checkSeqNum(final Message message) throws FieldNotFound
        {
            final int seqNum = message.getHeader().getInt(MsgSeqNum.FIELD);
            final boolean possDup = message.getHeader().isSetField(PossDupFlag.FIELD) &&
                message.getHeader().getBoolean(PossDupFlag.FIELD);
            final String body = message.getHeader().getString(MsgType.FIELD) + ":" + bodyOf(message);
            final String earlier = receivedSeqNums.putIfAbsent(seqNum, body);
            if (earlier != null && !possDup && !earlier.equals(body))
            {
                violations.add("MsgSeqNum " + seqNum + " received twice with other content: " + earlier + " / " + body);
            }
        }

        private static String bodyOf(final Message message)
        {
            final String raw = message.toString();
            final int bodyStart = raw.indexOf("\u000135=");
            return raw.substring(bodyStart < 0 ? 0 : bodyStart).replaceAll("\u0001(52|122|43|97|10|9)=[^\u0001]*", "");
        }
    }
}
