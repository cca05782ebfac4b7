package io.meridian.simulators.fix;

/** Mutable counters behind {@link VenueCounters}; guarded by the venue lock. */
final class CounterSet {
    long newOrders;
    long cancelRequests;
    long replaceRequests;
    long statusRequests;
    long droppedMessages;
    long executionReports;
    long cancelRejects;

    VenueCounters snapshot() {
        return new VenueCounters(newOrders, cancelRequests, replaceRequests, statusRequests,
            droppedMessages, executionReports, cancelRejects);
    }
}
