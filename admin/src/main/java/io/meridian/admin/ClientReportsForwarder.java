package io.meridian.admin;

import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.ParentOrders;

/** Breaks the construction cycle between the OMS and the client sessions. */
final class ClientReportsForwarder implements ClientReports
{
    private ClientReports target;
    private ClientReports router;

    void target(final ClientReports target)
    {
        this.target = target;
    }

    /** Where the smart order router's own child orders are reported. */
    void router(final ClientReports router)
    {
        this.router = router;
    }

    public void onExecutionReport(final ExecutionReport report)
    {
        if (report.clientId == ParentOrders.ROUTER_CLIENT_ID)
        {
            if (router != null)
            {
                router.onExecutionReport(report);
            }
            return;
        }
        target.onExecutionReport(report);
    }

    public void onCancelReject(final CancelReject reject)
    {
        if (reject.clientId == ParentOrders.ROUTER_CLIENT_ID)
        {
            if (router != null)
            {
                router.onCancelReject(reject);
            }
            return;
        }
        target.onCancelReject(reject);
    }
}
