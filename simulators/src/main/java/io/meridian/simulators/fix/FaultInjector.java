package io.meridian.simulators.fix;

/** Test faults, all off by default. Guarded by the venue lock. */
final class FaultInjector {
    private int rejectNewOrders;
    private String rejectText = "";
    private int dropMessages;
    private long reportDelayMs;
    private int suppressFillReports;

    void rejectNextNewOrders(int count, String text) {
        requireNonNegative(count);
        rejectNewOrders = count;
        rejectText = text;
    }

    void dropNextMessages(int count) {
        requireNonNegative(count);
        dropMessages = count;
    }

    void delayReports(long delayMs) {
        requireNonNegative(delayMs);
        reportDelayMs = delayMs;
    }

    void suppressNextFillReports(int count) {
        requireNonNegative(count);
        suppressFillReports = count;
    }

    void clear() {
        rejectNewOrders = 0;
        dropMessages = 0;
        reportDelayMs = 0;
        suppressFillReports = 0;
    }

    /** True when this fill's Trade report is not to be sent (the fill itself stands). */
    boolean takeFillSuppression() {
        if (suppressFillReports == 0) {
            return false;
        }
        suppressFillReports--;
        return true;
    }

    /** The reject text if this new order is to be rejected, else null. */
    String takeReject() {
        if (rejectNewOrders == 0) {
            return null;
        }
        rejectNewOrders--;
        return rejectText;
    }

    boolean takeDrop() {
        if (dropMessages == 0) {
            return false;
        }
        dropMessages--;
        return true;
    }

    long reportDelayMs() {
        return reportDelayMs;
    }

    private static void requireNonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative: " + value);
        }
    }
}
