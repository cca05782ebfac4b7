package io.meridian.simulators.fix;

/**
 * Counters of a running simulator. Reports are counted when handed to the sender (before any
 * injected delay), so a client holding a report always sees it counted.
 *
 * @param newOrders          NewOrderSingle received (including dropped ones)
 * @param cancelRequests     OrderCancelRequest received
 * @param replaceRequests    OrderCancelReplaceRequest received
 * @param statusRequests     OrderStatusRequest received
 * @param droppedMessages    application messages dropped by the drop fault
 * @param executionReports   ExecutionReports issued
 * @param cancelRejects      OrderCancelRejects issued
 */
public record VenueCounters(
    long newOrders, long cancelRequests, long replaceRequests, long statusRequests,
    long droppedMessages, long executionReports, long cancelRejects) {

    /** All application messages received. */
    public long ordersReceived() {
        return newOrders + cancelRequests + replaceRequests + statusRequests;
    }

    /** All reports issued. */
    public long reportsSent() {
        return executionReports + cancelRejects;
    }
}
