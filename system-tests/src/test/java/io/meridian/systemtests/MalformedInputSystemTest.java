package io.meridian.systemtests;

import io.meridian.gateway.ClientSessionStatus;
import io.meridian.oms.OrderSnapshot;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.meridian.systemtests.RawFixClient.SOH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Bad FIX input against one running Meridian (real Artio acceptor on loopback, real venue
 * simulator): broken frames, garbage, invalid and unsupported messages, refused logons, oversized
 * messages and a seeded fuzz run. Each case asserts the FIX-correct answer and that the server
 * stays up and keeps trading for well-behaved sessions.
 * <p>
 * Raw sessions use CLIENT2 (Logon with ResetSeqNumFlag) so CLIENT1's sequence numbers stay those
 * of the one well-behaved QuickFIX/J session the class shares.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class MalformedInputSystemTest
{
    private static final long ANSWER_MS = 5_000;
    private static final long QUIET_MS = 300;
    private static final int CLIENT2_ID = 1;

    @TempDir
    static Path tempDir;

    private static FixVenueSimulator venue;
    private static MeridianTestServer meridian;
    private static TestFixClient goodClient;
    private static final AtomicInteger IDS = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception
    {
        venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
        meridian = new MeridianTestServer(tempDir.resolve("meridian"), venue.port()).start().awaitVenueConnected();
    }

    @AfterAll
    static void stopServer() throws InterruptedException
    {
        if (goodClient != null)
        {
            goodClient.close();
        }
        // a Meridian whose Artio engine died does not close (the engine waits for its framer):
        // report that instead of hanging the build
        final Thread closer = new Thread(() ->
        {
            if (meridian != null)
            {
                meridian.close();
            }
        }, "meridian-closer");
        closer.setDaemon(true);
        closer.start();
        closer.join(30_000);
        if (venue != null)
        {
            venue.close();
        }
        assertThat(closer.isAlive()).as("Meridian closed within 30 s").isFalse();
    }

    // ---------------------------------------------------------------------------------- frames

    @Test
    @Order(1)
    @Timeout(30)
    void badChecksumIsIgnoredAndTheSessionStaysUsable() throws Exception
    {
        try (RawFixClient client = loggedOnClient2())
        {
            final String clOrdId = clOrdId("CKSUM");
            final byte[] good = RawFixClient.frame(client.nextBody("D", newOrderFields(clOrdId, "1", "10", "180.00")));
            final byte[] bad = breakChecksum(good);
            client.sendRaw(bad);

            assertSessionUsable(client, "after-bad-checksum");
            assertNoOrder(clOrdId);
        }
    }

    @Test
    @Order(2)
    @Timeout(30)
    void badBodyLengthIsIgnoredAndTheSessionStaysUsable() throws Exception
    {
        try (RawFixClient client = loggedOnClient2())
        {
            final String clOrdId = clOrdId("BODYLEN");
            final String body = client.nextBody("D", newOrderFields(clOrdId, "1", "10", "180.00"));
            final int realLength = body.getBytes(StandardCharsets.ISO_8859_1).length;
            // BodyLength 5 short: CheckSum no longer sits where BodyLength says it does
            client.sendRaw(RawFixClient.withChecksum(
                "8=FIX.4.4" + SOH + "9=" + (realLength - 5) + SOH + body));

            assertSessionUsable(client, "after-bad-body-length");
            assertNoOrder(clOrdId);
        }
    }

    @Test
    @Order(3)
    @Timeout(30)
    void tooLargeBodyLengthIsIgnoredAndTheSessionRecovers() throws Exception
    {
        try (RawFixClient client = loggedOnClient2())
        {
            final String clOrdId = clOrdId("BODYLEN-LONG");
            final String body = client.nextBody("D", newOrderFields(clOrdId, "1", "10", "180.00"));
            final int realLength = body.getBytes(StandardCharsets.ISO_8859_1).length;
            // BodyLength 40 too long: a receiver swallows the start of the next message before it can tell
            client.sendRaw(RawFixClient.withChecksum("8=FIX.4.4" + SOH + "9=" + (realLength + 40) + SOH + body));

            // a FIX receiver discards the garbled frame and resynchronises on the next 8=FIX.4.4|9=;
            // a client that hears nothing repeats its TestRequest, as after a missed heartbeat
            boolean answered = false;
            for (int attempt = 0; attempt < 4 && !answered && !client.isClosedByPeer(); attempt++)
            {
                try
                {
                    assertSessionUsable(client, "after-too-long-body-length-" + attempt);
                    answered = true;
                }
                catch (final AssertionError e)
                {
                    // not yet: send the next TestRequest
                }
            }
            assertThat(answered).as("session answers again; received %s, closedByPeer=%s", client.history(),
                client.isClosedByPeer()).isTrue();
            assertNoOrder(clOrdId);
        }
    }

    @Test
    @Order(4)
    @Timeout(30)
    void garbageBetweenMessagesCutsTheConnectionCleanly() throws Exception
    {
        try (RawFixClient client = loggedOnClient2())
        {
            // bytes that are not FIX between two messages: the stream cannot be trusted any more, so
            // the connection is cut (Artio alone would leave the session silent but open)
            final byte[] garbage = "\u0000\u00ffgarbage=1\u0001GARBAGE\r\n;DROP TABLE orders;\u0001"
                .getBytes(StandardCharsets.ISO_8859_1);
            final byte[] testRequest = RawFixClient.frame(client.nextBody("1", "112=after-garbage" + SOH));
            final byte[] both = new byte[garbage.length + testRequest.length];
            System.arraycopy(garbage, 0, both, 0, garbage.length);
            System.arraycopy(testRequest, 0, both, garbage.length, testRequest.length);
            client.sendRaw(both);
            assertThat(client.awaitDisconnect(ANSWER_MS)).as("connection cut after garbage").isTrue();
        }
        try (RawFixClient again = loggedOnClient2())
        {
            assertSessionUsable(again, "after-garbage-relogon");
        }
    }

    // ------------------------------------------------------------------------- invalid messages

    @Test
    @Order(5)
    @Timeout(30)
    void newOrderSingleWithoutSideGetsSessionRejectForTag54() throws Exception
    {
        try (RawFixClient client = loggedOnClient2())
        {
            final String clOrdId = clOrdId("NOSIDE");
            final int seqNum = client.nextSeqNum();
            client.send("D", "11=" + clOrdId + SOH + "55=AAPL" + SOH + "60=" + RawFixClient.sendingTime() + SOH +
                "38=10" + SOH + "40=2" + SOH + "44=180.00" + SOH);

            final RawFixClient.Received reject = client.await(m -> m.is("3") || m.is("8"), ANSWER_MS);
            assertThat(reject).as("answer to a NewOrderSingle without Side").isNotNull();
            assertThat(reject.msgType()).as("Reject 35=3, got %s", reject).isEqualTo("3");
            assertThat(reject.get(45)).isEqualTo(String.valueOf(seqNum));
            assertThat(reject.get(371)).isEqualTo("54");
            assertThat(reject.get(372)).isEqualTo("D");
            assertThat(reject.get(373)).isEqualTo("1");
            assertSessionUsable(client, "after-missing-side");
            assertNoOrder(clOrdId);
        }
    }

    @Test
    @Order(6)
    @Timeout(30)
    void newOrderSingleWithInvalidSideGetsSessionRejectForTag54() throws Exception
    {
        try (RawFixClient client = loggedOnClient2())
        {
            final String clOrdId = clOrdId("BADSIDE");
            final int seqNum = client.nextSeqNum();
            client.send("D", newOrderFields(clOrdId, "Z", "10", "180.00"));

            final RawFixClient.Received answer = client.await(m -> m.is("3") || m.is("8"), ANSWER_MS);
            assertThat(answer).as("answer to 54=Z").isNotNull();
            // FIX 4.4: a value outside the field's enumeration is a session-level Reject, reason 5
            assertThat(answer.msgType()).as("Reject 35=3, got %s", answer).isEqualTo("3");
            assertThat(answer.get(45)).isEqualTo(String.valueOf(seqNum));
            assertThat(answer.get(371)).isEqualTo("54");
            assertThat(answer.get(373)).isEqualTo("5");
            assertSessionUsable(client, "after-invalid-side");
            assertNoOrder(clOrdId);
        }
    }

    @Test
    @Order(7)
    @Timeout(30)
    void unsupportedMessageTypeGetsBusinessMessageReject() throws Exception
    {
        try (RawFixClient client = loggedOnClient2())
        {
            final int seqNum = client.nextSeqNum();
            // QuoteRequest: a valid FIX 4.4 message Meridian does not support
            client.send("R", "131=QR-1" + SOH + "146=1" + SOH + "55=AAPL" + SOH);

            final RawFixClient.Received answer = client.await(m -> m.is("j") || m.is("3"), ANSWER_MS);
            assertThat(answer).as("answer to 35=R").isNotNull();
            assertThat(answer.msgType()).as("BusinessMessageReject, got %s", answer).isEqualTo("j");
            assertThat(answer.get(372)).isEqualTo("R");
            assertThat(answer.get(380)).isEqualTo("3");
            assertThat(answer.get(45)).isEqualTo(String.valueOf(seqNum));
            assertSessionUsable(client, "after-unsupported-type");
        }
    }

    // ------------------------------------------------------------------------------------ logon

    @Test
    @Order(8)
    @Timeout(30)
    void firstMessageThatIsNotALogonIsDisconnected() throws Exception
    {
        try (RawFixClient client = new RawFixClient(meridian.fixPort(), MeridianTestServer.SECURE_CLIENT, "MERIDIAN"))
        {
            client.send("1", "112=HELLO" + SOH);
            final boolean disconnected = client.awaitDisconnect(ANSWER_MS);
            System.out.println("first-message-not-logon: Meridian sent " + client.history() + " disconnected=" + disconnected);
            assertThat(disconnected).as("disconnected; received %s", client.history()).isTrue();
            assertThat(client.history()).noneMatch(m -> m.is("A") || m.is("0"));
        }
    }

    @Test
    @Order(9)
    @Timeout(30)
    void logonWithUnknownSenderCompIdIsDisconnectedWithoutLogon() throws Exception
    {
        final long rejectedBefore = meridian.server().gatewayMetrics().logonsRejected();
        try (RawFixClient client = new RawFixClient(meridian.fixPort(), "INTRUDER", "MERIDIAN"))
        {
            client.logon(null, null, true);
            final boolean disconnected = client.awaitDisconnect(ANSWER_MS);
            System.out.println("unknown-sender-comp-id: Meridian sent " + client.history() + " disconnected=" + disconnected);
            assertThat(disconnected).as("disconnected; received %s", client.history()).isTrue();
            assertThat(client.history()).noneMatch(m -> m.is("A"));
        }
        assertThat(meridian.server().gatewayMetrics().logonsRejected()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    @Order(10)
    @Timeout(30)
    void logonWithWrongPasswordIsDisconnectedAndCounted() throws Exception
    {
        final long rejectedBefore = meridian.server().gatewayMetrics().logonsRejected();
        try (RawFixClient client = new RawFixClient(meridian.fixPort(), MeridianTestServer.SECURE_CLIENT, "MERIDIAN"))
        {
            client.logon(MeridianTestServer.SECURE_USER, "wrong-" + MeridianTestServer.SECURE_PASSWORD, true);
            final boolean disconnected = client.awaitDisconnect(ANSWER_MS);
            System.out.println("wrong-password: Meridian sent " + client.history() + " disconnected=" + disconnected);
            assertThat(disconnected).as("disconnected; received %s", client.history()).isTrue();
            assertThat(client.history()).noneMatch(m -> m.is("A"));
        }
        assertThat(meridian.server().gatewayMetrics().logonsRejected()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    @Order(11)
    @Timeout(60)
    void floodOfBadLogonsIsRefusedAndAGoodSessionStillLogsOn() throws Exception
    {
        final long rejectedBefore = meridian.server().gatewayMetrics().logonsRejected();
        final int attempts = 50;
        for (int i = 0; i < attempts; i++)
        {
            final boolean unknownCompId = i % 2 == 0;
            try (RawFixClient client = new RawFixClient(
                meridian.fixPort(), unknownCompId ? "FLOOD" + i : MeridianTestServer.SECURE_CLIENT, "MERIDIAN"))
            {
                client.logon(MeridianTestServer.SECURE_USER, "guess-" + i, true);
                assertThat(client.awaitDisconnect(ANSWER_MS)).as("attempt %d disconnected", i).isTrue();
                assertThat(client.history()).as("attempt %d", i).noneMatch(m -> m.is("A"));
            }
        }
        assertThat(meridian.server().gatewayMetrics().logonsRejected()).isEqualTo(rejectedBefore + attempts);

        try (RawFixClient client = loggedOnClient2())
        {
            assertSessionUsable(client, "after-flood");
        }
    }

    // -------------------------------------------------------------------------------- oversized

    @Test
    @Order(12)
    @Timeout(60)
    void oversizedMessageDoesNotHurtTheServerOrOtherSessions() throws Exception
    {
        final TestFixClient good = goodClient();
        final int logoutsBefore = good.logouts();
        final String clOrdId = clOrdId("HUGE");
        final String text = "X".repeat(100 * 1024);
        try (RawFixClient client = loggedOnClient2())
        {
            client.send("D", newOrderFields(clOrdId, "1", "10", "180.00") + "58=" + text + SOH);
            final List<RawFixClient.Received> answers = client.drain(2_000);
            System.out.println("oversized NewOrderSingle answered with " + answers + " closedByPeer=" +
                client.isClosedByPeer());
            if (!client.isClosedByPeer())
            {
                // the session survived: it must still work, and the order was either rejected or taken
                assertSessionUsable(client, "after-oversized");
            }
        }

        // the other session was not touched and still trades
        assertThat(good.isLoggedOn()).isTrue();
        assertThat(good.logouts()).isEqualTo(logoutsBefore);
        final String statusId = clOrdId("STATUS");
        good.send(Orders.status(statusId, quickfix.field.Side.BUY, "AAPL"));
        good.await("OrderStatus answer for " + statusId, Orders.report(statusId, 'I'));
        assertThat(meridian.server().oms().queries().orders().get(5, TimeUnit.SECONDS)).isNotNull();
    }

    // ----------------------------------------------------------------------------------- trading

    @Test
    @Order(20)
    @Timeout(60)
    void wellBehavedClientStillTradesAfterwards() throws Exception
    {
        final TestFixClient good = goodClient();
        venue.control().addLiquidity("AAPL", Side.SELL, "100", "190.00");
        final String clOrdId = clOrdId("GOOD");
        good.send(Orders.limit(clOrdId, quickfix.field.Side.BUY, "100", "AAPL", "190.00", TimeInForce.DAY));

        good.await("PendingNew " + clOrdId, Orders.report(clOrdId, 'A'));
        good.await("New " + clOrdId, Orders.report(clOrdId, '0'));
        final Message fill = good.await("Trade " + clOrdId, Orders.report(clOrdId, 'F'));
        assertThat(Orders.decimal(fill, 14)).isEqualByComparingTo("100");
        assertThat(Orders.decimal(fill, 151)).isEqualByComparingTo("0");
        assertThat(Orders.decimal(fill, 31)).isEqualByComparingTo("190.00");
        assertThat(TestFixClient.field(fill, 39)).isEqualTo("2");
    }

    // -------------------------------------------------------------------------------------- fuzz

    @Test
    @Order(30)
    void fuzzedSessionDoesNotHurtTheServerOrAWellBehavedSession() throws Exception
    {
        final long seed = Long.getLong("meridian.fuzz.seed", 0x5EED_F1_C5L);
        final int mutations = Integer.getInteger("meridian.fuzz.mutations", 2_000);
        // the default run stops after 120 s; the documented 100,000-message run raises it
        final long fuzzSeconds = Long.getLong("meridian.fuzz.seconds", 120);
        System.out.println("fuzz seed=" + seed + " mutations=" + mutations + " seconds=" + fuzzSeconds +
            " (rerun with -Dmeridian.fuzz.seed=" + seed + ")");
        assertTimeoutPreemptively(Duration.ofSeconds(fuzzSeconds + 120), () -> fuzz(seed, mutations, fuzzSeconds));
    }

    private void fuzz(final long seed, final int mutations, final long fuzzSeconds) throws Exception
    {
        final ProcessResources before = ProcessResources.measure();
        System.out.println("fuzz before: " + before);

        final TestFixClient good = goodClient();
        final AtomicBoolean fuzzing = new AtomicBoolean(true);
        final AtomicReference<Throwable> goodFailure = new AtomicReference<>();
        final List<String> goodOrders = new ArrayList<>();
        final Thread trader = new Thread(() ->
        {
            try
            {
                while (fuzzing.get() || goodOrders.size() < 3)
                {
                    // MSFT is traded only by the good session: the fuzzer stays on AAPL and bogus symbols
                    venue.control().addLiquidity("MSFT", Side.SELL, "10", "420.00");
                    final String id = clOrdId("GOODF");
                    goodOrders.add(id);
                    good.send(Orders.limit(id, quickfix.field.Side.BUY, "10", "MSFT", "420.00", TimeInForce.DAY));
                    final Message fill = good.await("fill of " + id, m -> Orders.report(id, 'F').test(m) &&
                        "2".equals(TestFixClient.field(m, 39)));
                    assertThat(Orders.decimal(fill, 14)).isEqualByComparingTo("10");
                    assertThat(Orders.decimal(fill, 151)).isEqualByComparingTo("0");
                }
            }
            catch (final Throwable t)
            {
                goodFailure.set(t);
            }
        }, "good-trader");
        trader.start();

        final Fuzzer fuzzer = new Fuzzer(seed);
        try
        {
            fuzzer.run(mutations, fuzzSeconds);
        }
        finally
        {
            fuzzing.set(false);
            trader.join(TestFixClient.TIMEOUT.toMillis() * 2);
            fuzzer.close();
        }
        System.out.println("fuzz done: " + fuzzer.stats());

        assertThat(trader.isAlive()).as("good trader finished").isFalse();
        assertThat(goodFailure.get()).as("good session failure").isNull();
        assertThat(goodOrders).hasSizeGreaterThanOrEqualTo(3);

        // the server is up and answers a fresh, well-behaved raw session
        try (RawFixClient client = loggedOnClient2())
        {
            assertSessionUsable(client, "after-fuzz");
        }

        final List<OrderSnapshot> orders = awaitQuiescentOrders();
        for (final String id : goodOrders)
        {
            final OrderSnapshot order = orders.stream().filter(o -> o.clientId() == 0 && id.equals(o.clOrdId()))
                .findFirst().orElseThrow(() -> new AssertionError("good order not in the OMS: " + id));
            assertThat(order.ordStatus()).as("good order %s", order).hasToString("FILLED");
            assertThat(order.cumQty()).as("good order %s", order).isEqualTo(order.orderQty());
            assertThat(order.leavesQty()).as("good order %s", order).isZero();
        }
        final List<OrderSnapshot> fuzzed = orders.stream().filter(o -> o.clientId() == CLIENT2_ID).toList();
        System.out.println("orders held for the fuzzed client: " + fuzzed.size());
        final ProcessResources after = ProcessResources.measure();
        System.out.println("fuzz after: " + after);
        // every fuzz connection was closed: the server holds no more files than before (a few of
        // Aeron's and Chronicle's come and go)
        assertThat(after.openFiles()).as("open files after the fuzz run, before: %s", before)
            .isLessThanOrEqualTo(before.openFiles() + 16);
        for (final OrderSnapshot order : fuzzed)
        {
            if (order.ordStatus().toString().equals("REJECTED"))
            {
                // a rejected order keeps what the client asked for (a negative quantity, say) and never traded
                assertThat(order.cumQty()).as("rejected order never traded: %s", order).isZero();
                continue;
            }
            assertThat(order.cumQty()).as("cumQty <= orderQty: %s", order).isLessThanOrEqualTo(order.orderQty());
            assertThat(order.cumQty()).as("cumQty >= 0: %s", order).isGreaterThanOrEqualTo(0);
            if (order.ordStatus().isTerminal())
            {
                assertThat(order.leavesQty()).as("terminal order has no leaves: %s", order).isZero();
            }
            else
            {
                assertThat(order.cumQty() + order.leavesQty()).as("cumQty + leavesQty == orderQty: %s", order)
                    .isEqualTo(order.orderQty());
            }
        }
    }

    /**
     * {@code 34=} (MsgSeqNum present, empty): the connection is cut (a garbled MsgSeqNum cannot be
     * answered in sequence) and the server keeps serving everybody else. Unguarded, this input
     * stalls Artio 0.175's engine for every session.
     */
    @Test
    @Order(99)
    @Timeout(60)
    void emptyMsgSeqNumIsRefusedWithoutHurtingTheServer() throws Exception
    {
        final String clOrdId = clOrdId("EMPTYSEQ");
        try (RawFixClient client = loggedOnClient2())
        {
            client.sendRaw(RawFixClient.frame("35=D" + SOH + "49=" + MeridianTestServer.SECURE_CLIENT + SOH +
                "56=MERIDIAN" + SOH + "34=" + SOH + "52=" + RawFixClient.sendingTime() + SOH +
                newOrderFields(clOrdId, "1", "10", "180.00")));
            // Meridian cuts the connection before the engine indexes the garbled MsgSeqNum (see
            // FixStreamGuard): a sequence number that cannot be trusted cannot be answered in sequence
            assertThat(client.awaitDisconnect(ANSWER_MS)).as("connection cut for 34=").isTrue();
            // (its Logon reset the sequence numbers, so the session's open orders were restated: 150=I)
            assertThat(client.history()).noneMatch(m -> m.is("8") && clOrdId.equals(m.get(11)));
        }
        finally
        {
            // whatever happened to that session, everybody else is still served
            try (RawFixClient other = new RawFixClient(meridian.fixPort(), "INTRUDER", "MERIDIAN"))
            {
                other.logon(null, null, true);
                assertThat(other.awaitDisconnect(ANSWER_MS)).as("engine still handles logons").isTrue();
            }
            final TestFixClient good = goodClient();
            final String statusId = clOrdId("STATUS");
            good.send(Orders.status(statusId, quickfix.field.Side.BUY, "AAPL"));
            good.await("OrderStatus answer for " + statusId, Orders.report(statusId, 'I'));
        }
        assertNoOrder(clOrdId);
    }

    /**
     * Sends mutated NewOrderSingle/OrderCancelRequest messages as CLIENT2 and keeps the session
     * alive: answers TestRequests and ResendRequests (GapFill), and logs on again with the right next
     * sequence number whenever Meridian disconnects.
     */
    private final class Fuzzer implements AutoCloseable
    {
        private static final Pattern EXPECTING = Pattern.compile("expect(?:ing|ed)\\D*(\\d+)", Pattern.CASE_INSENSITIVE);
        private static final String[] SYMBOLS = {"AAPL", "AAPL", "AAPL", "ZZZZ", "", "AAPL\u00e9", "aapl"};
        private static final String[] VALUES = {
            "", "0", "-1", "1", "Z", "99999999999999999999", "1e9", "NaN", "-0.0001", "190.00001", "  ", "=",
            "\u00ff\u00fe", "2147483648", "-9223372036854775809", "00000000000000000000000000000000001",
        };
        private static final int PROBE_EVERY = 10;
        private final long seed;
        private final Random random;
        private final ArrayDeque<byte[]> recent = new ArrayDeque<>();
        private final List<String> sentClOrdIds = new ArrayList<>();
        private RawFixClient client;
        private int sent;
        private int reconnects;
        private int resets;
        private int gapFills;
        private int rejects;
        private int businessRejects;
        private int reports;
        private int logouts;
        private int probes;

        Fuzzer(final long seed)
        {
            this.seed = seed;
            this.random = new Random(seed);
        }

        void run(final int mutations, final long seconds) throws IOException, InterruptedException
        {
            client = loggedOnClient2();
            final long deadline = System.currentTimeMillis() + seconds * 1000;
            for (int i = 0; i < mutations && System.currentTimeMillis() < deadline; i++)
            {
                if (client.isClosed())
                {
                    reconnect();
                }
                final byte[] message = mutatedMessage();
                recent.addLast(message);
                if (recent.size() > PROBE_EVERY)
                {
                    recent.removeFirst();
                }
                client.sendRaw(message);
                sent++;
                service(1);
                if ((i + 1) % PROBE_EVERY == 0)
                {
                    probe("probe-" + i);
                    recent.clear();
                }
            }
            probe("probe-final");
        }

        /**
         * The server still answers a TestRequest, on this session or on a new one if it was dropped. A
         * TestRequest swallowed by an earlier frame with a too-long BodyLength is repeated, as a client
         * does after a missed heartbeat.
         */
        private void probe(final String testReqId) throws IOException, InterruptedException
        {
            for (int attempt = 0; attempt < 4; attempt++)
            {
                // still no answer: a frame claiming a long BodyLength (9=13132, say) may be waiting for
                // bytes that never come; a client whose TestRequest goes unanswered drops the connection
                if (client.isClosed() || attempt == 2)
                {
                    reconnect();
                }
                client.send("1", "112=" + testReqId + SOH);
                final long deadline = System.currentTimeMillis() + 2_000;
                while (!client.isClosed() && System.currentTimeMillis() < deadline)
                {
                    final RawFixClient.Received message = client.receive(deadline - System.currentTimeMillis());
                    if (message == null)
                    {
                        continue;
                    }
                    if (message.is("0") && testReqId.equals(message.get(112)))
                    {
                        probes++;
                        return;
                    }
                    if (message.is("2"))
                    {
                        // the gap is filled up to the TestRequest, which is then sent again
                        gapFill(Integer.parseInt(message.get(7)));
                        client.send("1", "112=" + testReqId + SOH);
                    }
                    else
                    {
                        handle(message);
                    }
                }
            }
            throw new AssertionError("Meridian stopped answering TestRequests (" +
                engineAlive() + ") after these messages (seed " + seed + "): " + describeRecent() + "; " + stats());
        }

        /** Tells a dead engine or core thread from a stuck session (the good session belongs to another thread). */
        private String engineAlive()
        {
            String core;
            try
            {
                meridian.server().oms().queries().orders().get(2, TimeUnit.SECONDS);
                core = "core thread answers";
            }
            catch (final Exception e)
            {
                core = "core thread does NOT answer (" + e + ")";
            }
            String framer;
            try (RawFixClient intruder = new RawFixClient(meridian.fixPort(), "INTRUDER", "MERIDIAN"))
            {
                intruder.logon(null, null, true);
                framer = intruder.awaitDisconnect(3_000) ? "engine refuses a bad logon" : "engine does NOT answer a logon";
            }
            catch (final IOException e)
            {
                framer = "engine does NOT accept connections (" + e + ")";
            }
            return core + ", " + framer;
        }

        String describeRecent()
        {
            final StringBuilder text = new StringBuilder();
            for (final byte[] message : recent)
            {
                text.append("\n  ").append(escape(message));
            }
            final List<RawFixClient.Received> received = client.history();
            text.append("\n and Meridian's last answers on this connection:");
            for (final RawFixClient.Received message : received.subList(Math.max(0, received.size() - 12), received.size()))
            {
                text.append("\n  ").append(message);
            }
            return text.toString();
        }

        String stats()
        {
            return "sent=" + sent + " probesAnswered=" + probes + " logouts=" + logouts + " reconnects=" + reconnects + " resets=" + resets + " gapFills=" + gapFills +
                " rejects=" + rejects + " businessRejects=" + businessRejects + " executionReports=" + reports;
        }

        private byte[] mutatedMessage()
        {
            final String fields = random.nextInt(4) == 0 && !sentClOrdIds.isEmpty() ? cancelFields() : orderFields();
            final String body = client.nextBody(random.nextInt(4) == 0 ? "F" : "D", fields);
            final int kind = random.nextInt(10);
            if (kind == 0)
            {
                return RawFixClient.frame(body);
            }
            if (kind <= 6)
            {
                // a well-framed message with a broken body: reaches the decoders and validation
                return RawFixClient.frame(mutateFields(body));
            }
            // broken framing: BodyLength/CheckSum/BeginString may all be wrong
            return mutateBytes(RawFixClient.frame(body));
        }

        private String orderFields()
        {
            final String clOrdId = "FZ-" + sentClOrdIds.size();
            sentClOrdIds.add(clOrdId);
            final boolean buy = random.nextBoolean();
            // buys below and sells above the reference, within the collar: they rest, or cross each other
            final String price = buy ? (175 + random.nextInt(14)) + ".00" : (191 + random.nextInt(14)) + ".00";
            return "11=" + clOrdId + SOH + "55=" + SYMBOLS[random.nextInt(SYMBOLS.length)] + SOH +
                "54=" + (buy ? "1" : "2") + SOH + "60=" + RawFixClient.sendingTime() + SOH +
                "38=" + (1 + random.nextInt(100)) + SOH + "40=" + (random.nextInt(5) == 0 ? "1" : "2") + SOH +
                "44=" + price + SOH + "59=" + "0136".charAt(random.nextInt(4)) + SOH;
        }

        private String cancelFields()
        {
            final String orig = sentClOrdIds.get(random.nextInt(sentClOrdIds.size()));
            final String clOrdId = "FZC-" + sentClOrdIds.size();
            sentClOrdIds.add(clOrdId);
            return "41=" + orig + SOH + "11=" + clOrdId + SOH + "55=AAPL" + SOH + "54=" + (1 + random.nextInt(2)) +
                SOH + "38=" + (1 + random.nextInt(100)) + SOH + "60=" + RawFixClient.sendingTime() + SOH;
        }

        private String mutateFields(final String body)
        {
            final List<String> fields = new ArrayList<>(Arrays.asList(body.split(String.valueOf(SOH))));
            final int count = 1 + random.nextInt(3);
            for (int m = 0; m < count && !fields.isEmpty(); m++)
            {
                // field 0 is MsgType: keep it most of the time so the decoders are what gets exercised
                final int index = fields.size() == 1 ? 0 : 1 + random.nextInt(fields.size() - 1);
                final String field = fields.get(index);
                final int equals = field.indexOf('=');
                final String tag = equals < 0 ? field : field.substring(0, equals);
                switch (random.nextInt(6))
                {
                    case 0:
                        fields.remove(index);
                        break;
                    case 1:
                        fields.add(index, field);
                        break;
                    case 2:
                        fields.set(index, tag + "=" + VALUES[random.nextInt(VALUES.length)]);
                        break;
                    case 3:
                        fields.set(index, tag + "=" + randomText(1 + random.nextInt(12)));
                        break;
                    case 4:
                        fields.add(index, random.nextInt(6000) + "=" + VALUES[random.nextInt(VALUES.length)]);
                        break;
                    default:
                        fields.set(index, randomText(1 + random.nextInt(field.length() + 1)));
                        break;
                }
            }
            return String.join(String.valueOf(SOH), fields) + SOH;
        }

        private byte[] mutateBytes(final byte[] message)
        {
            byte[] bytes = message;
            final int count = 1 + random.nextInt(4);
            for (int m = 0; m < count; m++)
            {
                final int index = random.nextInt(bytes.length);
                switch (random.nextInt(4))
                {
                    case 0:
                        bytes[index] = (byte)random.nextInt(256);
                        break;
                    case 1:
                        bytes[index] ^= (byte)(1 << random.nextInt(8));
                        break;
                    case 2:
                    {
                        final byte[] shorter = new byte[bytes.length - 1];
                        System.arraycopy(bytes, 0, shorter, 0, index);
                        System.arraycopy(bytes, index + 1, shorter, index, bytes.length - index - 1);
                        bytes = shorter.length == 0 ? bytes : shorter;
                        break;
                    }
                    default:
                    {
                        final int length = 1 + random.nextInt(Math.min(16, bytes.length - index));
                        final byte[] longer = new byte[bytes.length + length];
                        System.arraycopy(bytes, 0, longer, 0, index + length);
                        System.arraycopy(bytes, index, longer, index + length, bytes.length - index);
                        bytes = longer;
                        break;
                    }
                }
            }
            return bytes;
        }

        private String randomText(final int length)
        {
            final StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                final int pick = random.nextInt(20);
                text.append(pick == 0 ? SOH : pick == 1 ? '=' : (char)(pick < 10 ? '0' + random.nextInt(10) :
                    0x20 + random.nextInt(0x5f)));
            }
            return text.toString();
        }

        /** Reads what Meridian says for up to {@code waitMs}, answering what a FIX client must answer. */
        private void service(final long waitMs) throws IOException
        {
            RawFixClient.Received message;
            long wait = waitMs;
            while (!client.isClosed() && (message = client.receive(wait)) != null)
            {
                wait = 1;
                handle(message);
            }
        }

        private void handle(final RawFixClient.Received message) throws IOException
        {
            switch (message.msgType())
            {
                case "1":
                    client.send("0", "112=" + message.get(112) + SOH);
                    break;
                case "2":
                    gapFill(Integer.parseInt(message.get(7)));
                    break;
                case "3":
                    rejects++;
                    break;
                case "j":
                    businessRejects++;
                    break;
                case "8":
                case "9":
                    reports++;
                    break;
                case "5":
                    logouts++;
                    learnExpectedSeqNum(message);
                    client.close();
                    break;
                default:
                    break;
            }
        }

        private void gapFill(final int beginSeqNo) throws IOException
        {
            gapFills++;
            final int next = client.nextSeqNum();
            if (beginSeqNo >= next)
            {
                return;
            }
            client.sendRaw(RawFixClient.frame("35=4" + SOH + "49=" + MeridianTestServer.SECURE_CLIENT + SOH +
                "56=MERIDIAN" + SOH + "34=" + beginSeqNo + SOH + "43=Y" + SOH + "52=" + RawFixClient.sendingTime() +
                SOH + "122=" + RawFixClient.sendingTime() + SOH + "123=Y" + SOH + "36=" + next + SOH));
        }

        private int expectedSeqNum = -1;

        private void learnExpectedSeqNum(final RawFixClient.Received logout)
        {
            final String text = logout.get(58);
            if (text != null)
            {
                final Matcher matcher = EXPECTING.matcher(text);
                if (matcher.find())
                {
                    expectedSeqNum = Integer.parseInt(matcher.group(1));
                }
            }
        }

        private void reconnect() throws IOException, InterruptedException
        {
            int next = client.nextSeqNum();
            client.close();
            for (int attempt = 0; attempt < 5; attempt++)
            {
                reconnects++;
                awaitClient2Disconnected();
                if (expectedSeqNum > next)
                {
                    next = expectedSeqNum;
                }
                expectedSeqNum = -1;
                client = new RawFixClient(meridian.fixPort(), MeridianTestServer.SECURE_CLIENT, "MERIDIAN");
                client.nextSeqNum(next);
                client.logon(MeridianTestServer.SECURE_USER, MeridianTestServer.SECURE_PASSWORD, attempt == 4);
                if (attempt == 4)
                {
                    resets++;
                }
                final RawFixClient.Received answer = client.await(m -> m.is("A") || m.is("5"), ANSWER_MS);
                if (answer != null && answer.is("A"))
                {
                    service(5);
                    return;
                }
                if (answer == null && !client.isClosed())
                {
                    throw new AssertionError("Meridian did not answer a Logon after these messages (seed " + seed +
                        "): " + describeRecent() + "; " + stats());
                }
                if (answer != null)
                {
                    learnExpectedSeqNum(answer);
                }
                if (expectedSeqNum < 0)
                {
                    // no hint in the Logout: ask the server what it last received from us
                    expectedSeqNum = client2Status().lastReceivedSeqNum() + 1;
                }
                client.close();
            }
            throw new AssertionError("could not log on again as CLIENT2: " + stats());
        }

        public void close()
        {
            if (client != null)
            {
                client.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------- helpers

    private static TestFixClient goodClient() throws Exception
    {
        if (goodClient == null)
        {
            goodClient = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, tempDir.resolve("client1"))
                .start().awaitLogon();
        }
        return goodClient;
    }

    /** A raw CLIENT2 session, logged on with ResetSeqNumFlag once no earlier CLIENT2 session is connected. */
    private static RawFixClient loggedOnClient2() throws IOException, InterruptedException
    {
        awaitClient2Disconnected();
        final RawFixClient client = new RawFixClient(meridian.fixPort(), MeridianTestServer.SECURE_CLIENT, "MERIDIAN");
        client.logonAndAwait(MeridianTestServer.SECURE_USER, MeridianTestServer.SECURE_PASSWORD, true);
        return client;
    }

    private static ClientSessionStatus client2Status()
    {
        return meridian.server().clientSessions().status().get(CLIENT2_ID);
    }

    private static void awaitClient2Disconnected() throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + ANSWER_MS;
        while (client2Status().connected() && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(5);
        }
    }

    /**
     * The session answers a TestRequest with a Heartbeat echoing its TestReqID. A ResendRequest for
     * a message Meridian discarded (garbled) is answered with a GapFill first, as a client must.
     */
    private static void assertSessionUsable(final RawFixClient client, final String testReqId) throws IOException
    {
        try
        {
            awaitHeartbeat(client, testReqId);
        }
        finally
        {
            System.out.println(testReqId + ": Meridian sent " + client.history() + " closedByPeer=" +
                client.isClosedByPeer());
        }
    }

    private static void awaitHeartbeat(final RawFixClient client, final String testReqId) throws IOException
    {
        client.send("1", "112=" + testReqId + SOH);
        final long deadline = System.currentTimeMillis() + ANSWER_MS;
        boolean gapFilled = false;
        while (System.currentTimeMillis() < deadline)
        {
            final RawFixClient.Received message = client.receive(deadline - System.currentTimeMillis());
            if (message == null)
            {
                break;
            }
            if (message.is("0") && testReqId.equals(message.get(112)))
            {
                return;
            }
            if (message.is("2") && !gapFilled)
            {
                gapFilled = true;
                final int next = client.nextSeqNum();
                client.sendRaw(RawFixClient.frame("35=4" + SOH + "49=" + MeridianTestServer.SECURE_CLIENT + SOH +
                    "56=MERIDIAN" + SOH + "34=" + message.get(7) + SOH + "43=Y" + SOH + "52=" +
                    RawFixClient.sendingTime() + SOH + "122=" + RawFixClient.sendingTime() + SOH + "123=Y" + SOH +
                    "36=" + next + SOH));
                // the TestRequest itself was beyond the gap: ask again
                client.send("1", "112=" + testReqId + SOH);
            }
        }
        throw new AssertionError("session not usable (" + testReqId + "): closedByPeer=" + client.isClosedByPeer() +
            " received " + client.history());
    }

    private static void assertNoOrder(final String clOrdId)
        throws InterruptedException, ExecutionException, TimeoutException
    {
        Thread.sleep(QUIET_MS);
        final List<OrderSnapshot> orders = meridian.server().oms().queries().orders().get(5, TimeUnit.SECONDS);
        assertThat(orders).noneMatch(o -> clOrdId.equals(o.clOrdId()) || clOrdId.equals(o.origClOrdId()));
    }

    /** All orders once none has been pending (venue answer outstanding) for a moment. */
    private static List<OrderSnapshot> awaitQuiescentOrders() throws Exception
    {
        final long deadline = System.currentTimeMillis() + TestFixClient.TIMEOUT.toMillis();
        List<OrderSnapshot> orders;
        do
        {
            orders = meridian.server().oms().queries().orders().get(5, TimeUnit.SECONDS);
            final boolean pending = orders.stream().anyMatch(o -> o.ordStatus().name().startsWith("PENDING"));
            if (!pending)
            {
                return orders;
            }
            Thread.sleep(50);
        }
        while (System.currentTimeMillis() < deadline);
        return orders;
    }

    /** Printable ASCII as is, SOH as '|', anything else as \\xNN. */
    static String escape(final byte[] bytes)
    {
        final StringBuilder text = new StringBuilder(bytes.length + 16);
        for (final byte b : bytes)
        {
            final int c = b & 0xFF;
            if (c == 1)
            {
                text.append('|');
            }
            else if (c >= 0x20 && c < 0x7f && c != '\\')
            {
                text.append((char)c);
            }
            else
            {
                text.append(String.format("\\x%02x", c));
            }
        }
        return text.toString();
    }

    private static String newOrderFields(final String clOrdId, final String side, final String qty, final String price)
    {
        return "11=" + clOrdId + SOH + "55=AAPL" + SOH + "54=" + side + SOH + "60=" + RawFixClient.sendingTime() +
            SOH + "38=" + qty + SOH + "40=2" + SOH + "44=" + price + SOH + "59=0" + SOH;
    }

    private static byte[] breakChecksum(final byte[] message)
    {
        final byte[] bad = message.clone();
        // 10=abc| -> the last digit changes, everything else is intact
        final int lastDigit = bad.length - 2;
        bad[lastDigit] = (byte)(bad[lastDigit] == '9' ? '0' : bad[lastDigit] + 1);
        return bad;
    }

    private static String clOrdId(final String prefix)
    {
        return prefix + "-" + IDS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** Heap used after a GC and open file descriptors of this JVM (the in-process server and its clients). */
    private record ProcessResources(long heapUsedBytes, long openFiles)
    {
        static ProcessResources measure()
        {
            System.gc();
            final java.lang.management.MemoryUsage heap =
                java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            final java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            final long files = os instanceof com.sun.management.UnixOperatingSystemMXBean ?
                ((com.sun.management.UnixOperatingSystemMXBean)os).getOpenFileDescriptorCount() : -1;
            return new ProcessResources(heap.getUsed(), files);
        }

        public String toString()
        {
            return "heapUsed=" + heapUsedBytes / (1024 * 1024) + "MiB openFiles=" + openFiles;
        }
    }
}
