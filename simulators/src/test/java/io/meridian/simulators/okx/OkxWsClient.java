package io.meridian.simulators.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * OKX v5 WebSocket client from the documentation, on {@link java.net.http.WebSocket}: login
 * ({@code op: login} signed over {@code timestamp + "GET/users/self/verify"} with the timestamp
 * in epoch seconds), subscribe, and the text {@code ping}/{@code pong} keep-alive. Every message
 * received is queued in arrival order; tests take them with {@link #await}.
 */
final class OkxWsClient implements AutoCloseable {
    /** The literal pong frame, queued as a text node. */
    static final String PONG = "pong";

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private OkxWsClient(URI uri) {
        this.socket = OkxRestClient.HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    static OkxWsClient connect(URI uri) {
        return new OkxWsClient(uri);
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    void send(JsonNode message) {
        send(message.toString());
    }

    /** Sends a login; returns the {@code event: login} or {@code event: error} answer. */
    JsonNode login(String apiKey, String secret, String passphrase, long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        String sign = OkxRestClient.sign(secret, timestamp + "GET" + "/users/self/verify");
        ObjectNode arg = OkxRestClient.JSON.createObjectNode().put("apiKey", apiKey).put("passphrase", passphrase)
            .put("timestamp", timestamp).put("sign", sign);
        ObjectNode login = OkxRestClient.JSON.createObjectNode().put("op", "login");
        login.putArray("args").add(arg);
        send(login);
        return await(m -> m.has("event") && (m.path("event").asText().equals("login") || m.path("event").asText().equals("error")));
    }

    /** Subscribes to one channel; returns the {@code subscribe} or {@code error} answer. */
    JsonNode subscribe(ObjectNode arg) {
        ObjectNode subscribe = OkxRestClient.JSON.createObjectNode().put("op", "subscribe");
        subscribe.putArray("args").add(arg);
        send(subscribe);
        return await(m -> m.has("event") && (m.path("event").asText().equals("subscribe") || m.path("event").asText().equals("error")));
    }

    /**
     * Sends an order op ({@code {"id","op","args":[...]}} as OKX documents WebSocket trading) and
     * returns its answer, the message carrying the same {@code id} and {@code op}.
     */
    JsonNode op(String id, String op, JsonNode... args) {
        sendOp(id, op, args);
        return awaitOp(id, op);
    }

    void sendOp(String id, String op, JsonNode... args) {
        ObjectNode request = OkxRestClient.JSON.createObjectNode().put("id", id).put("op", op);
        com.fasterxml.jackson.databind.node.ArrayNode array = request.putArray("args");
        for (JsonNode arg : args) {
            array.add(arg);
        }
        send(request);
    }

    JsonNode awaitOp(String id, String op) {
        return await(m -> m.path("id").asText().equals(id) && m.path("op").asText().equals(op));
    }

    /** Every message in arrival order up to and including the first one matching {@code last}. */
    List<JsonNode> collectUntil(Predicate<JsonNode> last) {
        List<JsonNode> seen = new ArrayList<>();
        await(m -> {
            seen.add(m);
            return last.test(m);
        });
        return seen;
    }

    /** Every message received so far, without waiting (the queue is emptied). */
    List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        inbox.drainTo(out);
        return out;
    }

    static ObjectNode arg(String channel, String key, String value) {
        return OkxRestClient.JSON.createObjectNode().put("channel", channel).put(key, value);
    }

    /** The next message matching {@code filter} (earlier non-matching ones are dropped), or a failure after 10 s. */
    JsonNode await(Predicate<JsonNode> filter) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no matching WebSocket message within 10 s");
                }
                if (filter.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pushes on one channel, in order, until {@code count} have arrived (other messages are dropped). */
    List<JsonNode> awaitPushes(String channel, int count) {
        List<JsonNode> pushes = new ArrayList<>();
        while (pushes.size() < count) {
            pushes.add(await(m -> m.has("data") && m.path("arg").path("channel").asText().equals(channel)));
        }
        return pushes;
    }

    /**
     * The close code once the server closed the connection, or -1 once it dropped. A dropped TCP
     * connection is not always reported by the JDK client until it writes, so this pings while it
     * waits, as a client checking liveness does (OKX asks clients to ping when the line is quiet).
     */
    int awaitClosed() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return closed.get(250, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException quiet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("WebSocket still open after 10 s");
                }
                socket.sendText("ping", true).whenComplete((ws, error) -> {
                    if (error != null) {
                        closed.complete(-1);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                return -1;
            }
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.equals(PONG)) {
                    inbox.add(OkxRestClient.JSON.getNodeFactory().textNode(PONG));
                } else {
                    try {
                        inbox.add(OkxRestClient.JSON.readTree(text));
                    } catch (JsonProcessingException e) {
                        inbox.add(OkxRestClient.JSON.getNodeFactory().textNode(text));
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
