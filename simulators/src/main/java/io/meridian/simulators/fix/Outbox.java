package io.meridian.simulators.fix;

import quickfix.SessionID;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;

/** Where reports go: counted, delayed by the fault if set, then sent in order by the {@link ReportSender}. */
final class Outbox {
    private final ReportSender sender;
    private final FaultInjector faults;
    private final CounterSet counters;

    Outbox(ReportSender sender, FaultInjector faults, CounterSet counters) {
        this.sender = sender;
        this.faults = faults;
        this.counters = counters;
    }

    void send(ExecutionReport report, SessionID session) {
        counters.executionReports++;
        sender.send(report, session, faults.reportDelayMs());
    }

    /** Any other venue message (position reports, business rejects): delayed like the reports. */
    void send(quickfix.Message message, SessionID session) {
        sender.send(message, session, faults.reportDelayMs());
    }

    void send(OrderCancelReject reject, SessionID session) {
        counters.cancelRejects++;
        sender.send(reject, session, faults.reportDelayMs());
    }
}
