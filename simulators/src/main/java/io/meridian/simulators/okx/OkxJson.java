package io.meridian.simulators.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Jackson setup and OKX's REST envelope {@code {"code","msg","data":[...]}}. */
public final class OkxJson {
    /** Shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private OkxJson() {
    }

    /** A success envelope with an empty {@code data} array to fill. */
    public static ObjectNode ok() {
        return envelope("0", "");
    }

    /** An error envelope with an empty {@code data} array. */
    public static ObjectNode error(OkxError error, String message) {
        return envelope(error.code(), message);
    }

    public static ObjectNode error(OkxError error) {
        return envelope(error.code(), error.message());
    }

    public static ArrayNode data(ObjectNode envelope) {
        return (ArrayNode) envelope.get("data");
    }

    private static ObjectNode envelope(String code, String msg) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", code);
        node.put("msg", msg);
        node.putArray("data");
        return node;
    }
}
