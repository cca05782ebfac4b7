package io.meridian.risk.alerts;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback (ephemeral port): records each request, answers with the status set,
 * can hold every answer until released (a stuck receiver), and can be stopped (connection refused) and
 * started again on the same port.
 */
final class FakeReceiver implements AutoCloseable
{
    /** One request as received. */
    record Request(String method, String path, String contentType, String body)
    {
    }

    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private volatile int status = 200;
    private volatile String responseBody = "{\"ok\":true}";
    private volatile CountDownLatch hold;
    private HttpServer server;
    private int port;

    FakeReceiver start()
    {
        bind(0);
        return this;
    }

    private void bind(final int requestedPort)
    {
        try
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange ->
        {
            final String body;
            try (InputStream in = exchange.getRequestBody())
            {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
            final CountDownLatch gate = hold;
            if (gate != null)
            {
                try
                {
                    gate.await(30, TimeUnit.SECONDS);
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                }
            }
            final byte[] answer = responseBody.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        // several handler threads: a held answer must not keep the server from stopping
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r ->
        {
            final Thread thread = new Thread(r, "fake-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        port = server.getAddress().getPort();
    }

    /** Connections are refused from now on. */
    void stop()
    {
        server.stop(0);
    }

    /** Listening again, on the same port. */
    void restart()
    {
        bind(port);
    }

    FakeReceiver answer(final int status, final String body)
    {
        this.status = status;
        this.responseBody = body;
        return this;
    }

    /** Every answer waits until the returned latch is counted down. */
    CountDownLatch holdAnswers()
    {
        final CountDownLatch gate = new CountDownLatch(1);
        hold = gate;
        return gate;
    }

    URI url(final String path)
    {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The next request; fails after 10 s. */
    Request take() throws InterruptedException
    {
        final Request request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null)
        {
            throw new AssertionError("no request reached the receiver");
        }
        return request;
    }

    int pending()
    {
        return requests.size();
    }

    public void close()
    {
        final CountDownLatch gate = hold;
        if (gate != null)
        {
            gate.countDown();
        }
        server.stop(0);
    }
}
