package io.meridian.simulators.fix;

/** Venue OrderID (37) and ExecID (17) values: a per-run prefix and a sequence, so ids never repeat across restarts. */
final class VenueIds {
    static final String NONE = "NONE";

    private final String prefix;
    private long nextExecId = 1;

    VenueIds(String prefix) {
        this.prefix = prefix;
    }

    String orderId(long engineOrderId) {
        return prefix + "-" + engineOrderId;
    }

    String nextExecId() {
        return prefix + "-E" + nextExecId++;
    }
}
