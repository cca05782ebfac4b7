package io.meridian.simulators.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OKX v5 WebSocket connection's protocol state: the text {@code ping}/{@code pong}
 * keep-alive, {@code login}, {@code subscribe} and {@code unsubscribe} with OKX's answers and
 * error codes, and the subscribed channels that pushes are routed by. Transport-neutral; confined
 * to the venue thread.
 */
public final class OkxWsSession {
    /** Which endpoint the connection was opened on. */
    public enum Endpoint { PUBLIC, PRIVATE }

    /** Where the session sends text and how it closes; implemented by the transport. */
    public interface Connection {
        void send(String text);

        void close();
    }

    /** What the session asks the venue. */
    public interface Venue {
        OkxAuth.Verdict login(String apiKey, String passphrase, String timestamp, String sign);

        boolean isInstrument(String instId);

        /** Called once a public channel is subscribed, to push its initial data (books snapshot). */
        void onSubscribed(OkxWsSession session, String channel, String instId);

        /**
         * An order op ({@code order}, {@code batch-orders}, ...) from a logged-in private session,
         * with a valid {@code id} and 1 (20 for a batch) object args; the venue answers it with
         * {@link #sendOpAnswer}, or never (timeout fault).
         */
        void onOrderOp(OkxWsSession session, String id, String op, JsonNode args, long inTimeMicros);

        /** Venue time in epoch microseconds, for {@code inTime}/{@code outTime}. */
        long nowMicros();
    }

    private final Endpoint endpoint;
    private final Connection connection;
    private final Venue venue;
    private final String connId;
    private final Map<String, ObjectNode> subscriptions = new LinkedHashMap<>();
    private OkxCredentials credentials;
    /** The {@code id} of the request being answered (echoed in event answers), or null. */
    private String requestId;

    public OkxWsSession(Endpoint endpoint, Connection connection, Venue venue, String connId) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.venue = venue;
        this.connId = connId;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public String connId() {
        return connId;
    }

    /** The account logged in on this connection, or null. */
    public String account() {
        return credentials == null ? null : credentials.account();
    }

    /** The subscription arg for {@code channel} (and {@code instId} for public channels), or null. */
    public ObjectNode subscription(String channel, String instId) {
        return subscriptions.get(key(channel, instId));
    }

    /** Subscribed args of one channel. */
    public List<ObjectNode> subscriptions(String channel) {
        List<ObjectNode> out = new ArrayList<>();
        subscriptions.forEach((k, arg) -> {
            if (arg.path("channel").asText().equals(channel)) {
                out.add(arg);
            }
        });
        return out;
    }

    public void send(JsonNode message) {
        connection.send(message.toString());
    }

    /** Sends an already serialized push (one serialization shared by every subscriber). */
    public void sendText(String text) {
        connection.send(text);
    }

    public void close() {
        connection.close();
    }

    /** Handles one text frame from the client. */
    public void onText(String text) {
        if (text.equals("ping")) {
            connection.send("pong");
            return;
        }
        JsonNode request;
        try {
            request = OkxJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            sendError(OkxError.WS_INVALID_REQUEST, OkxError.WS_INVALID_REQUEST.message(text));
            return;
        }
        if (!request.isObject()) {
            sendError(OkxError.WS_INVALID_REQUEST, OkxError.WS_INVALID_REQUEST.message(text));
            return;
        }
        String op = request.path("op").asText();
        requestId = request.path("id").isValueNode() ? request.path("id").asText() : null;
        try {
            if (OkxTradeOps.operationOf(op) != null) {
                orderOp(request, op);
                return;
            }
            JsonNode args = request.path("args");
            if (!args.isArray() || args.isEmpty()) {
                sendError(OkxError.WS_INVALID_REQUEST, OkxError.WS_INVALID_REQUEST.message(text));
                return;
            }
            switch (op) {
                case "login" -> login(args.get(0));
                case "subscribe" -> args.forEach(arg -> subscribe(arg, text));
                case "unsubscribe" -> args.forEach(this::unsubscribe);
                default -> sendError(OkxError.WS_INVALID_OP, OkxError.WS_INVALID_OP.message(op));
            }
        } finally {
            requestId = null;
        }
    }

    /**
     * Checks an order op's frame as OKX does (private endpoint, logged in, {@code id}, args) and
     * hands it to the venue; frame errors answer in the op's own format with {@code data: []}.
     */
    private void orderOp(JsonNode request, String op) {
        long inTime = venue.nowMicros();
        String id = request.path("id").asText("");
        if (endpoint != Endpoint.PRIVATE) {
            sendOpAnswer(id, op, OkxError.WS_OP_NOT_ON_THIS_URL.code(), OkxError.WS_OP_NOT_ON_THIS_URL.message(),
                OkxJson.MAPPER.createArrayNode(), inTime);
            return;
        }
        if (credentials == null) {
            sendOpAnswer(id, op, OkxError.WS_PLEASE_LOG_IN.code(), OkxError.WS_PLEASE_LOG_IN.message(),
                OkxJson.MAPPER.createArrayNode(), inTime);
            return;
        }
        JsonNode args = request.path("args");
        int max = OkxTradeOps.isBatch(op) ? OkxTradeOps.MAX_BATCH : 1;
        boolean argsValid = args.isArray() && !args.isEmpty() && args.size() <= max;
        for (JsonNode arg : args) {
            argsValid &= arg.isObject();
        }
        if (!OkxTradeOps.REQUEST_ID.matcher(id).matches() || !argsValid) {
            sendOpAnswer(id, op, OkxError.WS_INVALID_ARGS.code(), OkxError.WS_INVALID_ARGS.message(),
                OkxJson.MAPPER.createArrayNode(), inTime);
            return;
        }
        venue.onOrderOp(this, id, op, args, inTime);
    }

    /**
     * Answers an order op: {@code {"id","op","code","msg","data":[...],"inTime","outTime"}}, the
     * times in epoch microseconds.
     */
    public void sendOpAnswer(String id, String op, String code, String msg, JsonNode data, long inTimeMicros) {
        ObjectNode answer = OkxJson.MAPPER.createObjectNode().put("id", id).put("op", op);
        answer.set("data", data);
        answer.put("code", code).put("msg", msg).put("inTime", Long.toString(inTimeMicros))
            .put("outTime", Long.toString(venue.nowMicros()));
        send(answer);
    }

    private void login(JsonNode arg) {
        OkxAuth.Verdict verdict = venue.login(arg.path("apiKey").asText(null), arg.path("passphrase").asText(null),
            arg.path("timestamp").asText(null), arg.path("sign").asText(null));
        if (!verdict.ok()) {
            sendError(verdict.error(), verdict.error().message());
            return;
        }
        credentials = verdict.credentials();
        ObjectNode answer = event("login").put("code", "0").put("msg", "").put("connId", connId);
        send(answer);
    }

    private void subscribe(JsonNode requested, String text) {
        if (!requested.isObject() || !requested.has("channel")) {
            sendError(OkxError.WS_INVALID_REQUEST, OkxError.WS_INVALID_REQUEST.message(text));
            return;
        }
        ObjectNode arg = ((ObjectNode) requested).deepCopy();
        String channel = arg.path("channel").asText();
        boolean privateChannel = channel.equals("orders") || channel.equals("account");
        boolean publicChannel = channel.equals("books") || channel.equals("bbo-tbt");
        if ((privateChannel && endpoint != Endpoint.PRIVATE) || (publicChannel && endpoint != Endpoint.PUBLIC)
            || (!privateChannel && !publicChannel)) {
            sendError(OkxError.WS_WRONG_CHANNEL, OkxError.WS_WRONG_CHANNEL.message(channel));
            return;
        }
        String instId = arg.path("instId").asText("");
        if (privateChannel) {
            if (credentials == null) {
                sendError(OkxError.WS_PLEASE_LOG_IN, OkxError.WS_PLEASE_LOG_IN.message());
                return;
            }
            if (channel.equals("orders") && !arg.has("instType")) {
                sendError(OkxError.WS_INVALID_ARGS, OkxError.WS_INVALID_ARGS.message());
                return;
            }
        } else if (!venue.isInstrument(instId)) {
            sendError(OkxError.WS_WRONG_CHANNEL, OkxError.WS_WRONG_CHANNEL.message(channel + ":" + instId));
            return;
        }
        subscriptions.put(key(channel, privateChannel ? "" : instId), arg);
        ObjectNode answer = event("subscribe");
        answer.set("arg", arg);
        answer.put("connId", connId);
        send(answer);
        venue.onSubscribed(this, channel, instId);
    }

    private void unsubscribe(JsonNode requested) {
        String channel = requested.path("channel").asText();
        boolean privateChannel = channel.equals("orders") || channel.equals("account");
        subscriptions.remove(key(channel, privateChannel ? "" : requested.path("instId").asText("")));
        ObjectNode answer = event("unsubscribe");
        answer.set("arg", requested.deepCopy());
        answer.put("connId", connId);
        send(answer);
    }

    private void sendError(OkxError error, String msg) {
        send(event("error").put("code", error.code()).put("msg", msg).put("connId", connId));
    }

    /** An event answer, led by the request's {@code id} when it had one (as OKX echoes it). */
    private ObjectNode event(String name) {
        ObjectNode answer = OkxJson.MAPPER.createObjectNode();
        if (requestId != null) {
            answer.put("id", requestId);
        }
        return answer.put("event", name);
    }

    private static String key(String channel, String instId) {
        return channel + "|" + instId;
    }
}
