package io.meridian.systemtests;

import com.sun.net.httpserver.HttpServer;
import io.meridian.risk.alerts.AlertOrigin;
import io.meridian.risk.alerts.AlertsConfig;
import io.meridian.risk.alerts.Severity;
import io.meridian.risk.alerts.SinkConfig;
import io.meridian.risk.alerts.SinkPolicy;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's kill switch reaches ops: engaging it through the admin API POSTs a RED alert to the
 * configured webhook (a receiver on loopback), releasing it an INFO one, each naming the operator.
 */
@Timeout(90)
class KillSwitchAlertSystemTest
{
    @Test
    void engagingTheKillSwitchSendsARedAlertAndReleasingItAnInfoOne(@TempDir final Path dir) throws Exception
    {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/alerts", exchange ->
        {
            try (InputStream in = exchange.getRequestBody())
            {
                received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        final URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts");
        final AlertsConfig alerts = new AlertsConfig(new AlertOrigin("test-host", "kill-switch-test"),
            List.of(new SinkConfig("ops", SinkConfig.Kind.WEBHOOK, url, null, null, SinkPolicy.remote(Severity.INFO))),
            null, 0);
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).alerts(alerts)
                .start())
        {
            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, "{\"engaged\":true}")
                .statusCode()).isEqualTo(200);
            final String engaged = next(received, "KILL_SWITCH_ENGAGED");
            assertThat(engaged).contains("\"severity\":\"RED\"", "\"source\":\"admin\"",
                "\"text\":\"kill switch engaged by operator: every new order refused, open orders cancelled\"",
                "\"host\":\"test-host\"", "\"instance\":\"kill-switch-test\"");

            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, "{\"engaged\":false}")
                .statusCode()).isEqualTo(200);
            assertThat(next(received, "KILL_SWITCH_RELEASED")).contains("\"severity\":\"INFO\"",
                "\"text\":\"kill switch released by operator: new orders accepted again\"");
            assertThat(meridian.server().alerts().raised(Severity.RED)).isEqualTo(1);
        }
        finally
        {
            receiver.stop(0);
        }
    }

    /** The next alert with {@code code}, skipping others (a venue session coming up, say). */
    private static String next(final BlockingQueue<String> received, final String code) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            final String body = received.poll(1, TimeUnit.SECONDS);
            if (body != null && body.contains("\"code\":\"" + code + "\""))
            {
                return body;
            }
        }
        throw new AssertionError("no " + code + " alert reached the webhook");
    }
}
