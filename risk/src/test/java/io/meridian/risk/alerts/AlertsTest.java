package io.meridian.risk.alerts;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts against a real HTTP receiver on loopback and a clock the test moves: the payloads byte for
 * byte, retry through a 500 and a refused connection, the rate limit's summary, a stuck receiver that
 * never holds up {@link Alerts#raise}, RED alerts kept when the queue overflows, and the bot token never
 * shown.
 */
@Timeout(60)
class AlertsTest
{
    private static final long T0 = Instant.parse("2026-12-07T09:30:00Z").toEpochMilli();
    private static final String TOKEN = "123456:SECRET-bot-token_xyz";
    private static final AlertOrigin ORIGIN = new AlertOrigin("host-1", "prod-1");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CachedEpochClock clock = new CachedEpochClock();
    private final HttpClient http = HttpPoster.newClient();
    private final List<AutoCloseable> resources = new ArrayList<>();

    AlertsTest()
    {
        clock.update(T0);
    }

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(final T resource)
    {
        resources.add(resource);
        return resource;
    }

    private Alerts alerts(final AlertChannel... channels)
    {
        return closing(new Alerts(clock, List.of(channels)));
    }

    private AlertChannel channel(final AlertSink sink, final SinkPolicy policy)
    {
        return new AlertChannel(sink, policy, clock, 2);
    }

    private TelegramSink telegram(final FakeReceiver receiver, final String chatId)
    {
        return new TelegramSink("telegram", http, receiver.url(""), Secret.of(TOKEN), chatId, ORIGIN, TIMEOUT);
    }

    @Test
    void aTelegramAlertIsDeliveredAfterA500AndARefusedConnectionOnceTheReceiverRecovers() throws Exception
    {
        final LogCapture log = closing(new LogCapture());
        final FakeReceiver receiver = closing(new FakeReceiver().start()).answer(500, "{\"ok\":false}");
        final TelegramSink sink = telegram(receiver, "-1001234567890");
        final AlertChannel channel = channel(sink, new SinkPolicy(Severity.INFO, 0, 5, 1_000, 8_000, 16));
        final Alerts alerts = alerts(channel);

        alerts.raise(Severity.RED, "admin", "KILL_SWITCH_ENGAGED", "kill switch engaged by \"ops\"\nnew orders refused");

        final String expectedBody = "{\"chat_id\":-1001234567890," +
            "\"text\":\"RED KILL_SWITCH_ENGAGED (admin on prod-1)\\nkill switch engaged by \\\"ops\\\"\\n" +
            "new orders refused\\n2026-12-07T09:30:00Z\",\"disable_notification\":false}";
        final FakeReceiver.Request first = receiver.take();
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(first.contentType()).startsWith("application/json");
        assertThat(first.body()).isEqualTo(expectedBody);
        await(() -> channel.failedAttempts() == 1);

        receiver.stop();
        clock.advance(1_000);
        await(() -> channel.failedAttempts() == 2);
        assertThat(receiver.pending()).isZero();

        receiver.answer(200, "{\"ok\":true}").restart();
        // the wait doubles after each failure
        clock.advance(2_000);
        final FakeReceiver.Request third = receiver.take();
        assertThat(third.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(third.body()).isEqualTo(expectedBody);
        await(() -> channel.delivered() == 1);
        assertThat(channel.givenUp()).isZero();
        assertThat(channel.failedAttempts()).isEqualTo(2);
        assertThat(alerts.raised(Severity.RED)).isEqualTo(1);

        assertThat(log.text()).contains("event=alert_delivery_failed sink=telegram attempt=1/5 retryInMs=1000")
            .contains("HTTP 500").contains("attempt=2/5 retryInMs=2000").doesNotContain(TOKEN);
        assertThat(sink.toString()).doesNotContain(TOKEN).contains("token=***");
        assertThat(channel.toString()).doesNotContain(TOKEN);
    }

    @Test
    void infoGoesToTelegramSilentlyAndAChannelNameIsAString() throws Exception
    {
        final FakeReceiver receiver = closing(new FakeReceiver().start());
        final Alerts alerts = alerts(channel(telegram(receiver, "@meridian_ops"), SinkPolicy.remote(Severity.INFO)));

        alerts.raise(Severity.INFO, "admin", "KILL_SWITCH_RELEASED", "kill switch released by ops");

        assertThat(receiver.take().body()).isEqualTo("{\"chat_id\":\"@meridian_ops\"," +
            "\"text\":\"INFO KILL_SWITCH_RELEASED (admin on prod-1)\\nkill switch released by ops\\n" +
            "2026-12-07T09:30:00Z\",\"disable_notification\":true}");
    }

    @Test
    void theGenericWebhookGetsTheAlertAsEscapedJsonAndLowerSeveritiesAreFiltered() throws Exception
    {
        final FakeReceiver receiver = closing(new FakeReceiver().start());
        final AlertChannel channel = channel(
            new WebhookSink("ops-hook", http, receiver.url("/hooks/abc"), ORIGIN, TIMEOUT), SinkPolicy.remote(Severity.YELLOW));
        final Alerts alerts = alerts(channel);

        alerts.raise(Severity.INFO, "venues", "FILL", "not for this sink");
        clock.advance(1_500);
        alerts.raise(Severity.YELLOW, "venues", "VENUE_SESSION_DOWN", "venue \"SIM\\1\"\tdown\u0001");

        final FakeReceiver.Request request = receiver.take();
        assertThat(request.path()).isEqualTo("/hooks/abc");
        assertThat(request.body()).isEqualTo("{\"severity\":\"YELLOW\",\"source\":\"venues\",\"code\":\"VENUE_SESSION_DOWN\"," +
            "\"text\":\"venue \\\"SIM\\\\1\\\"\\tdown\\u0001\",\"time\":\"2026-12-07T09:30:01.500Z\"," +
            "\"host\":\"host-1\",\"instance\":\"prod-1\"}");
        await(() -> channel.delivered() == 1);
        assertThat(receiver.pending()).isZero();
        assertThat(alerts.raised(Severity.INFO)).isEqualTo(1);
        assertThat(alerts.raised(Severity.YELLOW)).isEqualTo(1);
    }

    @Test
    void alertsOverTheRateAreSuppressedAndThenSummarisedInOneMessage() throws Exception
    {
        final FakeReceiver receiver = closing(new FakeReceiver().start());
        final AlertChannel channel = channel(
            new WebhookSink("hook", http, receiver.url("/a"), ORIGIN, TIMEOUT), new SinkPolicy(Severity.INFO, 2, 3, 1_000, 1_000, 16));
        final Alerts alerts = alerts(channel);

        alerts.raise(Severity.INFO, "oms", "C1", "one");
        alerts.raise(Severity.INFO, "oms", "C2", "two");
        alerts.raise(Severity.YELLOW, "oms", "C3", "three");
        alerts.raise(Severity.INFO, "oms", "C4", "four");
        alerts.raise(Severity.INFO, "oms", "C5", "five");

        assertThat(receiver.take().body()).contains("\"code\":\"C1\"");
        assertThat(receiver.take().body()).contains("\"code\":\"C2\"");
        await(() -> channel.suppressed() == 3);
        assertThat(receiver.pending()).isZero();

        // 2 a minute: one token after 30 s
        clock.advance(29_999);
        clock.advance(1);
        assertThat(receiver.take().body()).isEqualTo("{\"severity\":\"YELLOW\",\"source\":\"alerts\"," +
            "\"code\":\"ALERTS_SUPPRESSED\",\"text\":\"3 alerts suppressed by the rate limit of 2/min since " +
            "2026-12-07T09:30:00Z (RED 0, YELLOW 1, INFO 2); the last: INFO C5: five (all of them are in the log)\"," +
            "\"time\":\"2026-12-07T09:30:30Z\",\"host\":\"host-1\",\"instance\":\"prod-1\"}");
        await(() -> channel.delivered() == 3);
        assertThat(channel.suppressed()).isEqualTo(3);
        assertThat(receiver.pending()).isZero();
    }

    @Test
    void aStuckReceiverNeverBlocksRaiseAndARedAlertSurvivesTheOverflow() throws Exception
    {
        final FakeReceiver receiver = closing(new FakeReceiver().start());
        final CountDownLatch release = receiver.holdAnswers();
        final AlertChannel channel = channel(
            new WebhookSink("hook", http, receiver.url("/a"), ORIGIN, TIMEOUT), new SinkPolicy(Severity.INFO, 0, 1, 0, 0, 4));
        final Alerts alerts = alerts(channel);

        alerts.raise(Severity.INFO, "oms", "STUCK", "held by the receiver");
        assertThat(receiver.take().body()).contains("\"code\":\"STUCK\"");
        // the delivery thread now waits for the receiver's answer; raise must not
        for (int i = 0; i < 10_000; i++)
        {
            alerts.raise(Severity.INFO, "oms", "FLOOD", "flood " + i);
        }
        alerts.raise(Severity.RED, "risk", "KILL_SWITCH_ENGAGED", "engaged during the flood");

        assertThat(channel.dropped()).isEqualTo(10_000 - 4);
        assertThat(channel.droppedRed()).isZero();
        assertThat(alerts.raised(Severity.INFO)).isEqualTo(10_001);
        release.countDown();

        // the RED alert jumps the queued INFO ones
        assertThat(receiver.take().body()).contains("\"code\":\"KILL_SWITCH_ENGAGED\"");
        for (int i = 0; i < 4; i++)
        {
            assertThat(receiver.take().body()).contains("\"text\":\"flood " + i + "\"");
        }
        await(() -> channel.delivered() == 6);
    }

    @Test
    void aRefusedTokenIsDroppedWithoutRetryAndTheTokenNeverShows() throws Exception
    {
        final LogCapture log = closing(new LogCapture());
        // a receiver that echoes the token back in its error must not leak it either
        final FakeReceiver receiver = closing(new FakeReceiver().start())
            .answer(401, "{\"ok\":false,\"description\":\"Unauthorized: bot" + TOKEN + "\"}");
        final TelegramSink sink = telegram(receiver, "42");
        final AlertChannel channel = channel(sink, new SinkPolicy(Severity.INFO, 0, 5, 1_000, 1_000, 16));
        final Alerts alerts = alerts(channel);

        alerts.raise(Severity.RED, "admin", "KILL_SWITCH_ENGAGED", "engaged");

        assertThat(receiver.take().path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        await(() -> channel.givenUp() == 1);
        assertThat(channel.failedAttempts()).isEqualTo(1);
        assertThat(log.text()).contains("event=alert_dropped sink=telegram attempts=1").contains("permanent=true")
            .contains("HTTP 401").contains("bot***").doesNotContain(TOKEN).doesNotContain("SECRET");

        try
        {
            sink.deliver(new Alert(Severity.INFO, "t", "T", "t", T0));
        }
        catch (final Exception e)
        {
            assertThat(e).isInstanceOf(PermanentDeliveryFailure.class);
            assertThat(e.toString()).doesNotContain(TOKEN);
        }
        final SinkConfig config = new SinkConfig("telegram", SinkConfig.Kind.TELEGRAM, URI.create("https://api.telegram.org"),
            "42", Secret.of(TOKEN), SinkPolicy.remote(Severity.YELLOW));
        assertThat(config.toString()).doesNotContain(TOKEN);
        assertThat(Secret.of(TOKEN).toString()).isEqualTo("***");
    }

    @Test
    void closingSendsWhatIsQueuedAndStopsTheThread() throws Exception
    {
        final FakeReceiver receiver = closing(new FakeReceiver().start());
        final AlertChannel channel = channel(
            new WebhookSink("hook", http, receiver.url("/a"), ORIGIN, TIMEOUT), new SinkPolicy(Severity.INFO, 0, 1, 0, 0, 16));
        final Alerts alerts = new Alerts(clock, List.of(channel));

        alerts.raise(Severity.INFO, "oms", "C1", "one");
        alerts.raise(Severity.RED, "admin", "KILL_SWITCH_ENGAGED", "engaged just before the stop");
        alerts.close();

        assertThat(channel.delivered()).isEqualTo(2);
        assertThat(List.of(receiver.take().body(), receiver.take().body()))
            .anyMatch(body -> body.contains("\"code\":\"KILL_SWITCH_ENGAGED\""))
            .anyMatch(body -> body.contains("\"code\":\"C1\""));
    }

    private static void await(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
