package io.meridian.admin;

import io.meridian.admin.security.AuditLog;
import io.meridian.gateway.KillSwitchReport;
import io.meridian.gateway.KillSwitchRequest;
import io.meridian.gateway.KillSwitchRequests;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The kill switch from a FIX ops session: an OrderMassCancelRequest (35=q) from a session configured with
 * {@code ops: true} engages (or, with KillSwitchRelease 20003=Y, releases) the kill switch through the same
 * {@link KillSwitches} path as {@code POST /kill-switch}, on a thread of its own (files, audit, alerts stay off
 * the core thread), audits it under the session's CompID, and answers with an OrderMassCancelReport (35=r).
 * Any other session's request is refused (MassCancelResponse 0, MassCancelRejectReason 99) and audited too.
 * <p>
 * Levels: MassCancelRequestType (530) 7 is the global kill switch, 1 with a Symbol (55) an instrument's; with
 * KillSwitchLevel (20001) V, S or A and KillSwitchTarget (20002), under 530=7, a venue's, a session's or an
 * account's.
 */
@Context
public class FixKillSwitchDesk implements KillSwitchRequests, AutoCloseable
{
    static final String SOURCE = "fix-ops";
    private static final Logger LOG = LoggerFactory.getLogger(FixKillSwitchDesk.class);
    private static final char SECURITY = '1';
    private static final char ALL_ORDERS = '7';

    private final MeridianServer server;
    private final AuditLog audit;
    private final KillSwitches killSwitches;
    private final ScheduledExecutorService thread = DaemonTimers.single("meridian-fix-ops");

    public FixKillSwitchDesk(final MeridianServer server, final AuditLog audit)
    {
        this.server = server;
        this.audit = audit;
        this.killSwitches = new KillSwitches(server);
        server.clientSessions().killSwitchRequests(this);
    }

    @Override
    public void onKillSwitchRequest(final KillSwitchRequest request)
    {
        try
        {
            thread.execute(() -> answer(request));
        }
        catch (final java.util.concurrent.RejectedExecutionException e)
        {
            // stopping: the desk's thread is gone, the session still gets an answer
            server.clientSessions().killSwitchReported(
                KillSwitchReport.rejected(request, KillSwitchReport.OTHER, "server stopping: retry after the restart"));
        }
    }

    private void answer(final KillSwitchRequest request)
    {
        KillSwitchReport report;
        try
        {
            report = handle(request);
        }
        catch (final RuntimeException e)
        {
            LOG.error("event=fix_kill_switch_failed client={} clOrdId={}", request.compId(), request.clOrdId(), e);
            report = KillSwitchReport.rejected(request, KillSwitchReport.OTHER, "kill switch failed: " + e.getMessage());
        }
        LOG.info("event=fix_kill_switch_answered client={} clOrdId={} response={} rejectReason={} text=\"{}\"",
            request.compId(), request.clOrdId(), report.massCancelResponse(), report.rejectReason(), report.text());
        server.clientSessions().killSwitchReported(report);
    }

    private KillSwitchReport handle(final KillSwitchRequest request)
    {
        if (!request.opsSession())
        {
            final String reason = "not authorised: session " + request.compId() + " is not an ops session";
            record(request, 403, Map.of("refused", reason), null);
            return KillSwitchReport.rejected(request, KillSwitchReport.OTHER, reason);
        }
        final String[] scope = scope(request);
        if (scope.length == 1)
        {
            record(request, 400, Map.of("refused", scope[0]), null);
            return KillSwitchReport.rejected(request,
                request.massCancelRequestType() == SECURITY ? KillSwitchReport.UNKNOWN_SECURITY :
                    request.massCancelRequestType() == ALL_ORDERS ? KillSwitchReport.OTHER : KillSwitchReport.NOT_SUPPORTED,
                scope[0]);
        }
        final boolean engage = !request.release();
        final KillSwitches.Change change = killSwitches.set(
            scope[0], scope[1], engage, "ops session " + request.compId(), SOURCE);
        if (change.refused())
        {
            record(request, change.refusal() == KillSwitches.Refusal.UNKNOWN_NAME ? 404 : 400,
                Map.of("refused", change.reason()), null);
            return KillSwitchReport.rejected(request,
                scope[0].equals("instrument") ? KillSwitchReport.UNKNOWN_SECURITY : KillSwitchReport.OTHER,
                change.reason());
        }
        record(request, change.refusal() == KillSwitches.Refusal.SEQUENCER_BUSY ? 503 : 200, change.before(),
            change.after());
        if (change.refusal() == KillSwitches.Refusal.SEQUENCER_BUSY)
        {
            return KillSwitchReport.rejected(request, KillSwitchReport.OTHER, change.reason());
        }
        return KillSwitchReport.done(request, engage ?
            "kill switch of " + change.label() + " engaged: new orders refused, open orders cancelled" :
            "kill switch of " + change.label() + " released");
    }

    /** @return {scope, name} for {@link KillSwitches#set}, or {why not} when the request names no level. */
    private static String[] scope(final KillSwitchRequest request)
    {
        final char type = request.massCancelRequestType();
        final char level = request.level();
        if (type == SECURITY)
        {
            if (request.symbol() == null || request.symbol().isBlank())
            {
                return new String[] {"MassCancelRequestType 1 needs the Symbol (55)"};
            }
            if (level != KillSwitchRequest.NO_LEVEL && level != 'I')
            {
                return new String[] {"MassCancelRequestType 1 is the instrument level: KillSwitchLevel I or none"};
            }
            return new String[] {"instrument", request.symbol()};
        }
        if (type != ALL_ORDERS)
        {
            return new String[] {"MassCancelRequestType " + type + " is not supported: 1 (a security) or 7 (all orders)"};
        }
        if (level == KillSwitchRequest.NO_LEVEL || level == 'G')
        {
            return new String[] {"global", null};
        }
        final String name = request.target() != null ? request.target() : level == 'I' ? request.symbol() : null;
        if (name == null || name.isBlank())
        {
            return new String[] {"KillSwitchLevel " + level + " needs the KillSwitchTarget (20002)"};
        }
        return switch (level)
        {
            case 'V' -> new String[] {"venue", name};
            case 'I' -> new String[] {"instrument", name};
            case 'S' -> new String[] {"session", name};
            case 'A' -> new String[] {"account", name};
            default -> new String[] {"KillSwitchLevel " + level + " is not one of G, V, I, S, A"};
        };
    }

    private void record(
        final KillSwitchRequest request, final int status, final Map<String, Object> before,
        final Map<String, Object> after)
    {
        final Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("clOrdId", request.clOrdId());
        asked.put("massCancelRequestType", String.valueOf(request.massCancelRequestType()));
        if (request.level() != KillSwitchRequest.NO_LEVEL)
        {
            asked.put("level", String.valueOf(request.level()));
        }
        if (request.target() != null)
        {
            asked.put("target", request.target());
        }
        if (request.symbol() != null)
        {
            asked.put("symbol", request.symbol());
        }
        asked.put("release", request.release());
        final Map<String, Object> recorded = new LinkedHashMap<>();
        if (after != null)
        {
            recorded.putAll(after);
        }
        recorded.put("request", asked);
        audit.record(request.compId(), "fix session " + request.compId(), "FIX 35=q", "/kill-switch", status,
            before, recorded);
    }

    @jakarta.annotation.PreDestroy
    @Override
    public void close()
    {
        server.clientSessions().killSwitchRequests(null);
        thread.shutdownNow();
    }
}
