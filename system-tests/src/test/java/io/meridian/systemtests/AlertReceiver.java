package io.meridian.systemtests;

import com.sun.net.httpserver.HttpServer;
import io.meridian.risk.alerts.AlertOrigin;
import io.meridian.risk.alerts.AlertsConfig;
import io.meridian.risk.alerts.Severity;
import io.meridian.risk.alerts.SinkConfig;
import io.meridian.risk.alerts.SinkPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JSON webhook on loopback that collects the alerts Meridian posts to it. */
final class AlertReceiver implements AutoCloseable
{
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final HttpServer server;

    AlertReceiver() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/alerts", exchange ->
        {
            try (InputStream in = exchange.getRequestBody())
            {
                received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** Alerts of every severity to this receiver, from an instance named {@code instance} on test-host. */
    AlertsConfig config(final String instance)
    {
        final URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
        return new AlertsConfig(new AlertOrigin("test-host", instance),
            List.of(new SinkConfig("ops", SinkConfig.Kind.WEBHOOK, url, null, null, SinkPolicy.remote(Severity.INFO))),
            null, 0);
    }

    /** The next alert with {@code code}, skipping others (a venue session coming up, say). */
    String next(final String code) throws InterruptedException
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

    @Override
    public void close()
    {
        server.stop(0);
    }
}
