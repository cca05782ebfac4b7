package io.meridian.simulators.fix;

import io.meridian.simulators.matching.RejectReason;
import quickfix.field.CxlRejReason;
import quickfix.field.OrdRejReason;

/** Maps engine reject reasons to FIX 4.4 OrdRejReason (103) and CxlRejReason (102). */
final class RejectCodes {
    private RejectCodes() {
    }

    static int ordRejReason(RejectReason reason) {
        return switch (reason) {
            case UNKNOWN_SYMBOL -> OrdRejReason.UNKNOWN_SYMBOL;
            case INVALID_QUANTITY -> OrdRejReason.INCORRECT_QUANTITY;
            case UNSUPPORTED_ORDER -> OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC;
            case DUPLICATE_ORDER_ID -> OrdRejReason.DUPLICATE_ORDER;
            case UNKNOWN_ORDER -> OrdRejReason.UNKNOWN_ORDER;
            case INVALID_PRICE, POST_ONLY_WOULD_CROSS, QUANTITY_NOT_ABOVE_FILLED -> OrdRejReason.OTHER;
        };
    }

    /** The engine answers UNKNOWN_ORDER for orders that are done; the FIX edge knew the order, so: too late. */
    static int cxlRejReason(RejectReason reason) {
        return reason == RejectReason.UNKNOWN_ORDER ? CxlRejReason.TOO_LATE_TO_CANCEL : CxlRejReason.OTHER;
    }
}
