package io.meridian.simulators.okx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one order operation (place, cancel, amend) produced, before it is framed as a REST answer
 * (single or batch) or a WebSocket {@code op} answer: a per-order row with {@code sCode}/{@code sMsg},
 * a malformed parameter, an unknown outcome (the {@code 50004}/{@code 51054} faults: the order may
 * live), or no answer at all (the timeout fault: the order lives).
 */
record OkxOrderAck(Kind kind, ObjectNode row, OkxError error, String msg) {
    /** How the operation ended. */
    enum Kind {
        /** A per-order row: {@code sCode "0"} for success, else the refusal. */
        ANSWERED,
        /** A malformed or missing parameter; a single REST request answers it at the top level (HTTP 400). */
        PARAMETER_ERROR,
        /** The operation may have happened; the whole request answers with {@link #error}. */
        UNKNOWN_OUTCOME,
        /** The operation happened but the request is never answered. */
        UNANSWERED
    }

    static OkxOrderAck answered(ObjectNode row) {
        return new OkxOrderAck(Kind.ANSWERED, row, null, null);
    }

    static OkxOrderAck parameterError(OkxError error, String msg) {
        return new OkxOrderAck(Kind.PARAMETER_ERROR, null, error, msg);
    }

    static OkxOrderAck unknownOutcome(OkxError error) {
        return new OkxOrderAck(Kind.UNKNOWN_OUTCOME, null, error, error.message());
    }

    static OkxOrderAck unanswered() {
        return new OkxOrderAck(Kind.UNANSWERED, null, null, null);
    }

    /** True for a per-order row with {@code sCode "0"}. */
    boolean succeeded() {
        return kind == Kind.ANSWERED && "0".equals(row.path("sCode").asText());
    }
}
