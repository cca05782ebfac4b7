package io.meridian.oms.api;

/**
 * Where the sequencer sends client-facing reports (implemented by fix-gateway). Called on the
 * sequencer thread; arguments are reused views, valid only for the duration of the call.
 */
public interface ClientReports
{
    void onExecutionReport(ExecutionReport report);

    void onCancelReject(CancelReject reject);
}
