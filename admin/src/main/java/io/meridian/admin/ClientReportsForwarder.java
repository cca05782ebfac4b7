package io.meridian.admin;

import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;

/** Breaks the construction cycle between the OMS and the client sessions. */
final class ClientReportsForwarder implements ClientReports
{
    private ClientReports target;

    void target(final ClientReports target)
    {
        this.target = target;
    }

    public void onExecutionReport(final ExecutionReport report)
    {
        target.onExecutionReport(report);
    }

    public void onCancelReject(final CancelReject reject)
    {
        target.onCancelReject(reject);
    }
}
