package io.meridian.simulators.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OKX's order-entry framing shared by the REST batch endpoints and the private WebSocket's trade
 * ops ({@code order}, {@code cancel-order}, {@code amend-order}, {@code batch-orders},
 * {@code batch-cancel-orders}, {@code batch-amend-orders}): which operation an op names, the batch
 * limit, and how the per-order results add up to one answer ({@code code} 0 all succeeded, 1 all
 * failed, 2 partly succeeded; a fault that hides the outcome hides it for the whole request).
 */
final class OkxTradeOps {
    /** Orders per batch request, REST and WebSocket. */
    static final int MAX_BATCH = 20;
    /** A WebSocket request {@code id}: case-sensitive alphanumerics, up to 32. */
    static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    /** What an order request does. */
    enum Operation { PLACE, CANCEL, AMEND }

    /** How a whole request ended. */
    enum Kind { ANSWERED, UNKNOWN_OUTCOME, UNANSWERED }

    /**
     * A request's answer: for {@link Kind#ANSWERED} the top-level {@code code} and the rows in
     * request order; for {@link Kind#UNKNOWN_OUTCOME} the error; nothing for {@link Kind#UNANSWERED}.
     */
    record Outcome(Kind kind, String code, List<ObjectNode> rows, OkxError error) {
    }

    private OkxTradeOps() {
    }

    /** The operation of a WebSocket op, or null if the op is not an order op. */
    static Operation operationOf(String op) {
        return switch (op) {
            case "order", "batch-orders" -> Operation.PLACE;
            case "cancel-order", "batch-cancel-orders" -> Operation.CANCEL;
            case "amend-order", "batch-amend-orders" -> Operation.AMEND;
            default -> null;
        };
    }

    static boolean isBatch(String op) {
        return op.startsWith("batch-");
    }

    /**
     * Adds up per-order results; {@code args} are the requests (for the ids of rows refused as
     * malformed), {@code tsMs} the venue time those rows carry.
     */
    static Outcome outcome(List<OkxOrderAck> acks, JsonNode args, long tsMs) {
        for (OkxOrderAck ack : acks) {
            if (ack.kind() == OkxOrderAck.Kind.UNANSWERED) {
                return new Outcome(Kind.UNANSWERED, null, List.of(), null);
            }
        }
        for (OkxOrderAck ack : acks) {
            if (ack.kind() == OkxOrderAck.Kind.UNKNOWN_OUTCOME) {
                return new Outcome(Kind.UNKNOWN_OUTCOME, ack.error().code(), List.of(), ack.error());
            }
        }
        List<ObjectNode> rows = new ArrayList<>(acks.size());
        int succeeded = 0;
        for (int i = 0; i < acks.size(); i++) {
            OkxOrderAck ack = acks.get(i);
            if (ack.kind() == OkxOrderAck.Kind.PARAMETER_ERROR) {
                JsonNode arg = args.path(i);
                rows.add(OkxJson.MAPPER.createObjectNode().put("clOrdId", arg.path("clOrdId").asText(""))
                    .put("ordId", arg.path("ordId").asText("")).put("tag", arg.path("tag").asText(""))
                    .put("ts", Long.toString(tsMs)).put("sCode", ack.error().code()).put("sMsg", ack.msg()).put("subCode", ""));
            } else {
                rows.add(ack.row());
                if (ack.succeeded()) {
                    succeeded++;
                }
            }
        }
        String code = succeeded == acks.size() ? "0" : succeeded == 0 ? "1" : "2";
        return new Outcome(Kind.ANSWERED, code, rows, null);
    }
}
