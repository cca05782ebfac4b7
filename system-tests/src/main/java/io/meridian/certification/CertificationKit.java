package io.meridian.certification;

import quickfix.Message;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static io.meridian.certification.CertificationSession.field;

/**
 * The client certification kit a broker hands a new client before go-live: connects to a Meridian
 * test instance as a FIX client and runs scenarios (session level, order types, fills, partial
 * fills, cancel and replace with their rejects, risk and unknown-symbol rejects, order status,
 * resend after a disconnect), then writes a pass/fail report per scenario as markdown.
 * {@link #main} exits 0 when every scenario passed, 1 otherwise, 2 on bad arguments.
 */
public final class CertificationKit
{
    private static final DateTimeFormatter TRANSACT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");
    private static final AtomicLong IDS = new AtomicLong();

    /** What one scenario found. */
    public record ScenarioResult(String name, Outcome outcome, String detail)
    {
    }

    /** PASS, FAIL, or SKIP (the scenario needs something this run was not given). */
    public enum Outcome
    {
        PASS, FAIL, SKIP
    }

    /** One scenario: returns null when it passed, otherwise what went wrong. */
    @FunctionalInterface
    public interface Scenario
    {
        String run(CertificationKit kit) throws Exception;
    }

    /** Thrown by a scenario that cannot run with the given options. */
    public static final class Skipped extends Exception
    {
        private static final long serialVersionUID = 1L;

        Skipped(final String why)
        {
            super(why);
        }
    }

    private final CertificationOptions options;
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private CertificationSession client;

    public CertificationKit(final CertificationOptions options)
    {
        this.options = options;
        standardScenarios();
    }

    /** Adds (or replaces) a scenario, run after the standard ones. */
    public CertificationKit scenario(final String name, final Scenario scenario)
    {
        scenarios.put(name, scenario);
        return this;
    }

    public static void main(final String[] args) throws Exception
    {
        final CertificationOptions options;
        try
        {
            options = CertificationArguments.parse(args);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println(e.getMessage());
            System.err.println(CertificationArguments.USAGE);
            System.exit(2);
            return;
        }
        final List<ScenarioResult> results = new CertificationKit(options).run();
        System.out.println(Files.readString(options.report()));
        System.exit(allPassed(results) ? 0 : 1);
    }

    public static boolean allPassed(final List<ScenarioResult> results)
    {
        return results.stream().allMatch(result -> result.outcome() != Outcome.FAIL) &&
            results.stream().anyMatch(result -> result.outcome() == Outcome.PASS);
    }

    /** Runs every scenario in order and writes the report; never throws for a failed scenario. */
    public List<ScenarioResult> run() throws IOException
    {
        final List<ScenarioResult> results = new ArrayList<>();
        try
        {
            client = new CertificationSession(options, options.senderCompId(), options.username(), options.password())
                .start();
            if (!client.awaitLoggedOn(true, timeout()))
            {
                results.add(new ScenarioResult("session-logon", Outcome.FAIL,
                    "no Logon answer within " + options.timeoutMs() + " ms"));
            }
            else
            {
                results.add(new ScenarioResult("session-logon", Outcome.PASS, "logged on as " + options.senderCompId()));
                for (final Map.Entry<String, Scenario> scenario : scenarios.entrySet())
                {
                    results.add(runOne(scenario.getKey(), scenario.getValue()));
                }
            }
        }
        catch (final Exception e)
        {
            results.add(new ScenarioResult("session-logon", Outcome.FAIL, e.toString()));
        }
        finally
        {
            if (client != null)
            {
                client.close();
            }
        }
        writeReport(results);
        return results;
    }

    private ScenarioResult runOne(final String name, final Scenario scenario)
    {
        try
        {
            if (!client.awaitLoggedOn(true, timeout()))
            {
                return new ScenarioResult(name, Outcome.FAIL, "session not logged on");
            }
            client.discardSkipped();
            final String failure = scenario.run(this);
            return failure == null ? new ScenarioResult(name, Outcome.PASS, "") : new ScenarioResult(name, Outcome.FAIL,
                failure);
        }
        catch (final Skipped e)
        {
            return new ScenarioResult(name, Outcome.SKIP, e.getMessage());
        }
        catch (final Exception e)
        {
            return new ScenarioResult(name, Outcome.FAIL, e.toString());
        }
    }

    private void writeReport(final List<ScenarioResult> results) throws IOException
    {
        final StringBuilder md = new StringBuilder()
            .append("# Meridian client certification report\n\n")
            .append("| | |\n|---|---|\n")
            .append("| client | ").append(options.senderCompId()).append(" -> ").append(options.targetCompId())
            .append(" (").append(options.beginString()).append(") |\n")
            .append("| instance | ").append(options.host()).append(':').append(options.port()).append(" |\n")
            .append("| instrument | ").append(options.symbol()).append(" @ ").append(options.price()).append(" |\n")
            .append("| run | ").append(runId).append(", ")
            .append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append(" UTC |\n")
            .append("| result | **").append(allPassed(results) ? "PASSED" : "FAILED").append("** (")
            .append(count(results, Outcome.PASS)).append(" passed, ").append(count(results, Outcome.FAIL))
            .append(" failed, ").append(count(results, Outcome.SKIP)).append(" skipped) |\n\n")
            .append("| scenario | result | detail |\n|---|---|---|\n");
        for (final ScenarioResult result : results)
        {
            md.append("| ").append(result.name()).append(" | ").append(result.outcome()).append(" | ")
                .append(result.detail().replace("|", "\\|").replace('\u0001', '|').replace("\n", " ")).append(" |\n");
        }
        final Path parent = options.report().toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(options.report(), md.toString());
    }

    private static long count(final List<ScenarioResult> results, final Outcome outcome)
    {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    // ---------------------------------------------------------------------------------------------
    // scenarios

    private void standardScenarios()
    {
        scenario("session-test-request", kit -> kit.testRequest());
        scenario("session-heartbeat", kit -> kit.heartbeat());
        scenario("limit-order-accepted", kit -> kit.limitAccepted());
        scenario("order-status", kit -> kit.orderStatus());
        scenario("cancel", kit -> kit.cancelResting());
        scenario("cancel-reject-unknown-order", kit -> kit.cancelReject());
        scenario("replace", kit -> kit.replaceResting());
        scenario("replace-reject-unknown-order", kit -> kit.replaceReject());
        scenario("limit-order-filled", kit -> kit.limitFilled());
        scenario("limit-order-partial-fills", kit -> kit.partialFills());
        scenario("market-order-filled", kit -> kit.marketFilled());
        scenario("risk-reject-max-order-qty", kit -> kit.riskRejectQty());
        scenario("risk-reject-price-collar", kit -> kit.riskRejectCollar());
        scenario("unknown-symbol-reject", kit -> kit.unknownSymbol());
        scenario("resend-after-disconnect", kit -> kit.resendAfterDisconnect());
    }

    String testRequest() throws InterruptedException
    {
        final String id = "CERT-TR-" + runId;
        final Message request = message("1");
        request.setString(112, id);
        client.send(request);
        final Message heartbeat = client.await(m -> "0".equals(field(m, 35)) && id.equals(field(m, 112)), timeout());
        return heartbeat == null ? "no Heartbeat answering TestRequest " + id : null;
    }

    String heartbeat() throws InterruptedException
    {
        final Duration wait = Duration.ofMillis(options.heartbeatSeconds() * 2500L + 1000);
        final Message heartbeat = client.await(m -> "0".equals(field(m, 35)) && field(m, 112) == null, wait);
        return heartbeat == null ? "no Heartbeat within " + wait.toMillis() + " ms of silence" : null;
    }

    private String restingId;

    String limitAccepted() throws InterruptedException
    {
        restingId = id("rest");
        client.send(limit(restingId, '1', options.qty(), options.symbol(), below(), '0'));
        final Message ack = awaitReport(restingId, isExecType('0'));
        if (ack == null)
        {
            return "no ExecutionReport New for " + restingId;
        }
        return expect(ack, 39, "0");
    }

    String orderStatus() throws InterruptedException, Skipped
    {
        requireResting();
        final Message status = message("H");
        status.setString(11, restingId);
        status.setChar(54, '1');
        status.setString(55, options.symbol());
        client.send(status);
        final Message report = awaitReport(restingId, m -> isStatusExecType(m));
        if (report == null)
        {
            return "no status ExecutionReport for " + restingId;
        }
        return expect(report, 39, "0");
    }

    String cancelResting() throws InterruptedException, Skipped
    {
        requireResting();
        final String cancelId = id("cxl");
        client.send(cancel(cancelId, restingId));
        final Message canceled = awaitReport(cancelId, isExecType('4'));
        restingId = null;
        if (canceled == null)
        {
            return "no ExecutionReport Canceled for " + cancelId;
        }
        return firstFailure(expect(canceled, 39, "4"), expect(canceled, 41, field(canceled, 41)));
    }

    String cancelReject() throws InterruptedException
    {
        final String cancelId = id("cxlrej");
        client.send(cancel(cancelId, "NO-SUCH-ORDER-" + runId));
        final Message reject = client.await(isCancelReject(cancelId), timeout());
        if (reject == null)
        {
            return "no OrderCancelReject for " + cancelId;
        }
        return expect(reject, 434, "1");
    }

    String replaceResting() throws InterruptedException
    {
        final String id = id("rpl");
        client.send(limit(id, '1', options.qty(), options.symbol(), below(), '0'));
        if (awaitReport(id, isExecType('0')) == null)
        {
            return "no ExecutionReport New for " + id;
        }
        final String replaceId = id("rpl2");
        final String newQty = new BigDecimal(options.qty()).multiply(BigDecimal.valueOf(2)).toPlainString();
        client.send(replace(replaceId, id, newQty, below()));
        final Message replaced = awaitReport(replaceId, isExecType('5'));
        if (replaced == null)
        {
            return "no ExecutionReport Replaced for " + replaceId;
        }
        final String failure = firstFailure(expect(replaced, 41, id), expectDecimal(replaced, 38, newQty));
        client.send(cancel(id("rplcxl"), replaceId));
        return failure;
    }

    String replaceReject() throws InterruptedException
    {
        final String replaceId = id("rplrej");
        client.send(replace(replaceId, "NO-SUCH-ORDER-" + runId, options.qty(), below()));
        final Message reject = client.await(isCancelReject(replaceId), timeout());
        if (reject == null)
        {
            return "no OrderCancelReject for " + replaceId;
        }
        return expect(reject, 434, "2");
    }

    String limitFilled() throws InterruptedException
    {
        provideLiquidity(options.qty());
        final String id = id("fill");
        client.send(limit(id, '1', options.qty(), options.symbol(), options.price(), '0'));
        final Message fill = awaitReport(id, m -> isFill(m) && "2".equals(field(m, 39)));
        if (fill == null)
        {
            return "no filling ExecutionReport for " + id;
        }
        return firstFailure(expectDecimal(fill, 32, options.qty()), expectDecimal(fill, 31, options.price()),
            expectDecimal(fill, 151, "0"));
    }

    String partialFills() throws InterruptedException
    {
        final BigDecimal qty = new BigDecimal(options.qty());
        final BigDecimal first = qty.divide(BigDecimal.valueOf(2)).stripTrailingZeros();
        final BigDecimal rest = qty.subtract(first);
        provideLiquidity(first.toPlainString());
        final String id = id("partial");
        client.send(limit(id, '1', options.qty(), options.symbol(), options.price(), '1'));
        final Message partial = awaitReport(id, m -> isFill(m) && "1".equals(field(m, 39)));
        if (partial == null)
        {
            return "no partial fill for " + id;
        }
        final String failure = firstFailure(expectDecimal(partial, 32, first.toPlainString()),
            expectDecimal(partial, 151, rest.toPlainString()));
        if (failure != null)
        {
            return failure;
        }
        provideLiquidity(rest.toPlainString());
        final Message fill = awaitReport(id, m -> isFill(m) && "2".equals(field(m, 39)));
        if (fill == null)
        {
            return "no final fill for " + id;
        }
        return firstFailure(expectDecimal(fill, 14, options.qty()), expectDecimal(fill, 151, "0"));
    }

    String marketFilled() throws InterruptedException
    {
        provideLiquidity(options.qty());
        final String id = id("mkt");
        final Message order = newOrder(id, '1', options.qty(), options.symbol(), '1');
        order.setChar(59, '3');
        client.send(order);
        final Message fill = awaitReport(id, m -> isFill(m) && "2".equals(field(m, 39)));
        if (fill == null)
        {
            return "no fill for market order " + id;
        }
        return expectDecimal(fill, 31, options.price());
    }

    String riskRejectQty() throws InterruptedException
    {
        final String id = id("bigqty");
        client.send(limit(id, '1', options.oversizeQty(), options.symbol(), options.price(), '0'));
        return expectRejectWithReason(id);
    }

    String riskRejectCollar() throws InterruptedException
    {
        final String id = id("collar");
        final String farPrice = new BigDecimal(options.price()).multiply(BigDecimal.valueOf(3)).toPlainString();
        client.send(limit(id, '1', options.qty(), options.symbol(), farPrice, '0'));
        return expectRejectWithReason(id);
    }

    String unknownSymbol() throws InterruptedException
    {
        final String id = id("nosym");
        client.send(limit(id, '1', options.qty(), "NOSUCHSYMBOL", options.price(), '0'));
        final Message reject = awaitReport(id, isExecType('8'));
        if (reject == null)
        {
            return "no ExecutionReport Rejected for " + id;
        }
        return firstFailure(expect(reject, 39, "8"), expect(reject, 103, "1"));
    }

    String resendAfterDisconnect() throws Exception
    {
        if (options.counterpartySender() == null)
        {
            throw new Skipped("needs --counterparty-sender: a second client CompID that trades while this one is out");
        }
        final String id = id("resend");
        client.send(limit(id, '1', options.qty(), options.symbol(), options.price(), '1'));
        if (awaitReport(id, isExecType('0')) == null)
        {
            return "no ExecutionReport New for " + id;
        }
        client.logout();
        if (!client.awaitLoggedOn(false, timeout()))
        {
            return "Logout not completed";
        }
        try (CertificationSession counterparty = new CertificationSession(
            options, options.counterpartySender(), options.counterpartyUsername(), options.counterpartyPassword()).start())
        {
            if (!counterparty.awaitLoggedOn(true, timeout()))
            {
                return "counterparty " + options.counterpartySender() + " did not log on";
            }
            final String sellId = id("resend-sell");
            counterparty.send(limit(sellId, '2', options.qty(), options.symbol(), options.price(), '0'));
            if (counterparty.await(m -> "8".equals(field(m, 35)) && sellId.equals(field(m, 11)) && isFill(m),
                timeout()) == null)
            {
                return "the counterparty's sell did not fill";
            }
        }
        client.logon();
        if (!client.awaitLoggedOn(true, timeout()))
        {
            return "no Logon after the disconnect";
        }
        final Message fill = awaitReport(id, m -> isFill(m) && "2".equals(field(m, 39)));
        return fill == null ? "the fill that happened while logged out was not delivered after logon" : null;
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private void requireResting() throws Skipped
    {
        if (restingId == null)
        {
            throw new Skipped("needs the resting order of limit-order-accepted");
        }
    }

    /** Rests a sell of {@code qty} at the scenario price from this session: the next buy crosses it. */
    private void provideLiquidity(final String qty) throws InterruptedException
    {
        final String id = id("liq");
        client.send(limit(id, '2', qty, options.symbol(), options.price(), '1'));
        awaitReport(id, isExecType('0'));
    }

    private String expectRejectWithReason(final String id) throws InterruptedException
    {
        final Message reject = awaitReport(id, isExecType('8'));
        if (reject == null)
        {
            return "no ExecutionReport Rejected for " + id;
        }
        if (field(reject, 103) == null || field(reject, 58) == null)
        {
            return "reject without OrdRejReason (103) and Text (58): " + reject;
        }
        return expect(reject, 39, "8");
    }

    private Message awaitReport(final String clOrdId, final Predicate<Message> filter) throws InterruptedException
    {
        return client.await(m -> "8".equals(field(m, 35)) && clOrdId.equals(field(m, 11)) && filter.test(m), timeout());
    }

    private static Predicate<Message> isExecType(final char execType)
    {
        return m -> String.valueOf(execType).equals(field(m, 150));
    }

    private static Predicate<Message> isCancelReject(final String clOrdId)
    {
        return m -> "9".equals(field(m, 35)) && clOrdId.equals(field(m, 11));
    }

    /** A fill in any version: ExecType F (FIX 4.4+) or 1/2 (FIX 4.2). */
    private static boolean isFill(final Message m)
    {
        final String execType = field(m, 150);
        return "F".equals(execType) || "1".equals(execType) || "2".equals(execType);
    }

    /** A status answer: ExecType I (FIX 4.4+) or, in FIX 4.2, the order's OrdStatus. */
    private boolean isStatusExecType(final Message m)
    {
        final String execType = field(m, 150);
        return "FIX.4.2".equals(options.beginString()) ? execType != null && execType.equals(field(m, 39)) :
            "I".equals(execType);
    }

    private static String expect(final Message m, final int tag, final String expected)
    {
        final String actual = field(m, tag);
        return expected == null || expected.equals(actual) ? null :
            "tag " + tag + " expected " + expected + " but was " + actual + " in " + m;
    }

    private static String expectDecimal(final Message m, final int tag, final String expected)
    {
        final String actual = field(m, tag);
        return actual != null && new BigDecimal(actual).compareTo(new BigDecimal(expected)) == 0 ? null :
            "tag " + tag + " expected " + expected + " but was " + actual + " in " + m;
    }

    private static String firstFailure(final String... failures)
    {
        for (final String failure : failures)
        {
            if (failure != null)
            {
                return failure;
            }
        }
        return null;
    }

    private String below()
    {
        // a resting buy a little under the scenario price, inside any sensible collar
        return new BigDecimal(options.price()).multiply(new BigDecimal("0.99")).setScale(2, java.math.RoundingMode.DOWN)
            .toPlainString();
    }

    private Duration timeout()
    {
        return Duration.ofMillis(options.timeoutMs());
    }

    private String id(final String prefix)
    {
        return "C" + runId + "-" + prefix + "-" + IDS.incrementAndGet();
    }

    private Message message(final String msgType)
    {
        final Message message = new Message();
        message.getHeader().setString(8, options.beginString());
        message.getHeader().setString(35, msgType);
        return message;
    }

    private Message newOrder(final String clOrdId, final char side, final String qty, final String symbol,
        final char ordType)
    {
        final Message order = message("D");
        order.setString(11, clOrdId);
        if ("FIX.4.2".equals(options.beginString()))
        {
            order.setChar(21, '1');
        }
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setString(60, now());
        order.setString(38, qty);
        order.setChar(40, ordType);
        return order;
    }

    private Message limit(final String clOrdId, final char side, final String qty, final String symbol,
        final String price, final char tif)
    {
        final Message order = newOrder(clOrdId, side, qty, symbol, '2');
        order.setString(44, price);
        order.setChar(59, tif);
        return order;
    }

    private Message cancel(final String clOrdId, final String origClOrdId)
    {
        final Message cancel = message("F");
        cancel.setString(41, origClOrdId);
        cancel.setString(11, clOrdId);
        cancel.setString(55, options.symbol());
        cancel.setChar(54, '1');
        cancel.setString(60, now());
        cancel.setString(38, options.qty());
        return cancel;
    }

    private Message replace(final String clOrdId, final String origClOrdId, final String qty, final String price)
    {
        final Message replace = message("G");
        replace.setString(41, origClOrdId);
        replace.setString(11, clOrdId);
        if ("FIX.4.2".equals(options.beginString()))
        {
            replace.setChar(21, '1');
        }
        replace.setString(55, options.symbol());
        replace.setChar(54, '1');
        replace.setString(60, now());
        replace.setString(38, qty);
        replace.setChar(40, '2');
        replace.setString(44, price);
        return replace;
    }

    private static String now()
    {
        return LocalDateTime.now(ZoneOffset.UTC).format(TRANSACT_TIME);
    }
}
