package io.meridian.admin;

import io.meridian.gateway.ClientSessionStatus;
import io.meridian.gateway.GatewayMetrics;
import io.meridian.oms.OmsMetrics;
import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.risk.alerts.AlertChannel;
import io.meridian.risk.alerts.Alerts;
import io.meridian.risk.alerts.Severity;
import io.meridian.router.ParentOrderRouter;
import io.meridian.router.RouterMetrics;
import io.meridian.venues.crypto.CryptoVenueBridge;
import io.meridian.venues.crypto.CryptoVenueMetrics;
import io.meridian.venues.fix.VenueBridgeMetrics;
import io.meridian.venues.fix.VenueStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Prometheus registry and Meridian's meters. Meters read the single-writer counters of the
 * OMS, gateway and venue bridge; nothing here touches the order path.
 */
@Factory
public class MetricsFactory
{
    /**
     * Its own bean so the context closes it: it listens to the JVM's garbage collector beans, which
     * would otherwise keep the registry, and through the meters the whole server, after the context closed.
     */
    @Singleton
    @Bean(preDestroy = "close")
    public JvmGcMetrics jvmGcMetrics()
    {
        return new JvmGcMetrics();
    }

    @Singleton
    @Bean(preDestroy = "close")
    public PrometheusMeterRegistry prometheusRegistry(final MeridianServer server, final JvmGcMetrics gcMetrics)
    {
        final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        bindOms(registry, server.oms().metrics());
        bindGateway(registry, server);
        bindRisk(registry, server);
        bindVenues(registry, server);
        bindCryptoVenues(registry, server);
        bindHalts(registry, server);
        bindRouter(registry, server);
        bindAlerts(registry, server.alerts());
        FunctionCounter.builder("meridian_store_fills", server, s -> s.storeWriter().fillsRecorded())
            .description("fills recorded in the shared store's ledger").register(registry);
        FunctionCounter.builder("meridian_store_reports", server, s -> s.storeWriter().reportsRecorded())
            .description("client ExecutionReports recorded in the shared store's order report history").register(registry);
        FunctionCounter.builder("meridian_store_reports_dropped", server, s -> s.storeWriter().reportsDropped())
            .description("client ExecutionReports not recorded because the report history is full").register(registry);
        FunctionCounter.builder("meridian_store_unknown_order_fills", server, s -> s.storeWriter().unknownOrderFills())
            .description("ledger fills for orders Meridian does not know (kept for reconciliation)").register(registry);
        return registry;
    }

    private static void bindOms(final MeterRegistry registry, final OmsMetrics oms)
    {
        counter(registry, "meridian_commands_in", "commands and venue events sequenced", oms, OmsMetrics::commandsIn);
        counter(registry, "meridian_orders_in", "new orders received", oms, OmsMetrics::newOrdersIn);
        counter(registry, "meridian_venue_events_in", "venue events sequenced", oms, OmsMetrics::venueEventsIn);
        counter(registry, "meridian_fills", "fills applied to client orders", oms, OmsMetrics::fills);
        counter(registry, "meridian_duplicate_fills_ignored", "venue fills ignored as duplicates", oms,
            OmsMetrics::duplicateFillsIgnored);
        counter(registry, "meridian_unknown_venue_events", "venue events for unknown orders", oms,
            OmsMetrics::unknownVenueEvents);
        counter(registry, "meridian_overfills", "fills beyond the order quantity", oms, OmsMetrics::overfills);
        counter(registry, "meridian_journal_records", "records appended to the journal", oms,
            OmsMetrics::journalRecords);
        Gauge.builder("meridian_sequencer_queue_depth", oms, OmsMetrics::queueDepth)
            .description("bytes waiting in the sequencer's inbound ring").register(registry);
        Gauge.builder("meridian_sequencer_last_sequence", oms, OmsMetrics::lastSequence)
            .description("last local sequence number assigned").register(registry);
        Gauge.builder("meridian_journal_failed", oms, metrics -> metrics.isJournalFailed() ? 1 : 0)
            .description("1 once a journal append failed: new orders are rejected until restart").register(registry);
        counter(registry, "meridian_unjournaled_inputs", "inputs applied without a journal record after a journal failure",
            oms, OmsMetrics::unjournaledInputs);
        for (final OrderRejectReason reason : OrderRejectReason.values())
        {
            if (reason != OrderRejectReason.NONE)
            {
                FunctionCounter.builder("meridian_order_rejects", oms, metrics -> metrics.rejects(reason))
                    .description("orders rejected, by reason").tag("reason", reason.name()).register(registry);
            }
        }
        for (final CancelRejectReason reason : CancelRejectReason.values())
        {
            FunctionCounter.builder("meridian_cancel_rejects", oms, metrics -> metrics.cancelRejects(reason))
                .description("cancel/replace requests rejected, by reason").tag("reason", reason.name())
                .register(registry);
        }
    }

    /** Per risk scope: open orders, today's profit and the exposure lease's time left (negative: expired). */
    private static void bindRisk(final MeterRegistry registry, final MeridianServer server)
    {
        for (final io.meridian.risk.RiskScope scope : server.riskGate().scopes())
        {
            final String kind = scope.kindName();
            Gauge.builder("meridian_risk_open_orders", scope, io.meridian.risk.RiskScope::openOrders)
                .description("open orders the hot gate counts, by scope").tag("kind", kind).tag("scope", scope.name())
                .register(registry);
            Gauge.builder("meridian_risk_daily_profit", scope, s -> s.dailyProfitView(
                    System.currentTimeMillis() * 1_000_000L, server.riskGate().referencePrices()))
                .description("today's realised plus unrealised profit at the reference prices, quote units")
                .tag("kind", kind).tag("scope", scope.name()).register(registry);
            Gauge.builder("meridian_risk_lease_seconds_left", scope, s ->
                {
                    final io.meridian.risk.ExposureLease lease = s.lease();
                    if (!s.limits().hasExposureLimit())
                    {
                        return Double.NaN;
                    }
                    return lease == null ? -1 : (lease.expiryNanos() - System.currentTimeMillis() * 1_000_000L) / 1e9;
                })
                .description("seconds until the scope's exposure lease expires (negative: expired, new risk fails " +
                    "closed; NaN: no exposure limit)")
                .tag("kind", kind).tag("scope", scope.name()).register(registry);
        }
        if (server.shadowVenues() != null)
        {
            final io.meridian.venues.ShadowVenues shadow = server.shadowVenues();
            counter(registry, "meridian_shadow_new_orders", "child orders shadow mode did not send", shadow,
                io.meridian.venues.ShadowVenues::newOrders);
            counter(registry, "meridian_shadow_cancels", "cancels shadow mode did not send", shadow,
                io.meridian.venues.ShadowVenues::cancels);
            counter(registry, "meridian_shadow_replaces", "replaces shadow mode did not send", shadow,
                io.meridian.venues.ShadowVenues::replaces);
        }
        counter(registry, "meridian_risk_leases_granted", "exposure leases granted by the exposure engine",
            server.exposureEngine(), io.meridian.risk.ExposureEngine::leasesGranted);
        counter(registry, "meridian_risk_exposure_engine_failures", "exposure engine passes that failed",
            server.exposureEngine(), io.meridian.risk.ExposureEngine::failures);
    }

    private static void bindGateway(final MeterRegistry registry, final MeridianServer server)
    {
        final GatewayMetrics gateway = server.gatewayMetrics();
        counter(registry, "meridian_fix_logons_accepted", "client logons accepted", gateway,
            GatewayMetrics::logonsAccepted);
        counter(registry, "meridian_fix_logons_rejected", "client logons refused", gateway,
            GatewayMetrics::logonsRejected);
        counter(registry, "meridian_fix_messages_in", "client application messages", gateway,
            GatewayMetrics::messagesIn);
        counter(registry, "meridian_fix_session_rejects_sent", "session Rejects (35=3) sent", gateway,
            GatewayMetrics::sessionRejectsSent);
        counter(registry, "meridian_fix_business_rejects_sent", "BusinessMessageRejects (35=j) sent", gateway,
            GatewayMetrics::businessRejectsSent);
        counter(registry, "meridian_fix_dialect_rejects", "messages rejected by their session's dialect dictionary",
            gateway, GatewayMetrics::dialectRejects);
        counter(registry, "meridian_fix_messages_out_of_sequence",
            "client messages received beyond a sequence gap, asked for again by ResendRequest", gateway,
            GatewayMetrics::outOfSequence);
        counter(registry, "meridian_fix_duplicates_ignored",
            "resent client messages already processed once, ignored", gateway, GatewayMetrics::duplicatesIgnored);
        counter(registry, "meridian_fix_reports_sent", "reports sent to clients", gateway,
            GatewayMetrics::reportsSent);
        counter(registry, "meridian_fix_reports_undeliverable", "reports for unknown clients", gateway,
            GatewayMetrics::reportsUndeliverable);
        counter(registry, "meridian_fix_reports_delayed", "reports that waited in a client backlog", gateway,
            GatewayMetrics::reportsDelayed);
        for (final ClientSessionStatus client : server.clientSessions().status())
        {
            final int clientId = client.clientId();
            Gauge.builder("meridian_fix_session_connected", server,
                s -> s.clientSessions().status().get(clientId).connected() ? 1 : 0)
                .description("1 when the client session is logged on")
                .tag("client", client.clientCompId()).register(registry);
        }
    }

    private static void bindVenues(final MeterRegistry registry, final MeridianServer server)
    {
        final VenueBridgeMetrics venues = server.venueMetrics();
        counter(registry, "meridian_venue_orders_sent", "new orders sent to venues", venues,
            VenueBridgeMetrics::ordersSent);
        counter(registry, "meridian_venue_cancels_sent", "cancels sent to venues", venues,
            VenueBridgeMetrics::cancelsSent);
        counter(registry, "meridian_venue_replaces_sent", "replaces sent to venues", venues,
            VenueBridgeMetrics::replacesSent);
        counter(registry, "meridian_venue_send_failures", "requests that could not be sent", venues,
            VenueBridgeMetrics::sendFailures);
        counter(registry, "meridian_venue_executions_in", "venue execution reports received", venues,
            VenueBridgeMetrics::executionsIn);
        counter(registry, "meridian_venue_unusable_messages", "venue messages that could not be normalised",
            venues, VenueBridgeMetrics::unusableMessages);
        final List<VenueStatus> statuses = server.venueBridge().status();
        for (int i = 0; i < statuses.size(); i++)
        {
            final int index = i;
            Gauge.builder("meridian_venue_connected", server,
                s -> s.venueBridge().status().get(index).connected() ? 1 : 0)
                .description("1 when the venue session is logged on")
                .tag("venue", statuses.get(index).name()).register(registry);
        }
    }

    private static void bindRouter(final MeterRegistry registry, final MeridianServer server)
    {
        final ParentOrderRouter router = server.parentRouter();
        if (router == null)
        {
            return;
        }
        final RouterMetrics m = router.metrics();
        FunctionCounter.builder("meridian_router_parent_orders", m, RouterMetrics::parentOrders)
            .description("parent orders the smart order router took").register(registry);
        FunctionCounter.builder("meridian_router_child_orders", m, RouterMetrics::childOrders)
            .description("child orders it placed").register(registry);
        FunctionCounter.builder("meridian_router_child_cancels", m, RouterMetrics::childCancels)
            .description("child cancels it sent (parent cancels, replaces, TWAP slices)").register(registry);
        FunctionCounter.builder("meridian_router_child_rejects", m, RouterMetrics::childRejects)
            .description("child orders rejected (by a venue or the risk gate): their quantity is routed again")
            .register(registry);
        FunctionCounter.builder("meridian_router_decisions", m, RouterMetrics::decisions)
            .description("routing decisions (sweeps and posts)").register(registry);
        FunctionCounter.builder("meridian_router_no_route", m, RouterMetrics::noRoute)
            .description("posts that found no healthy venue (the parent waits and tries again)").register(registry);
        Gauge.builder("meridian_router_open_parents", m, RouterMetrics::openParents)
            .description("parent orders open in the router").register(registry);
    }

    private static void bindCryptoVenues(final MeterRegistry registry, final MeridianServer server)
    {
        for (final CryptoVenueBridge bridge : server.cryptoBridges())
        {
            final CryptoVenueMetrics m = bridge.metrics();
            final String venue = bridge.name();
            crypto(registry, "meridian_crypto_orders_sent", "new orders sent", venue, m, CryptoVenueMetrics::ordersSent);
            crypto(registry, "meridian_crypto_orders_sent_rest", "new orders sent over the REST fallback", venue, m,
                CryptoVenueMetrics::ordersSentRest);
            crypto(registry, "meridian_crypto_cancels_sent", "cancels sent", venue, m, CryptoVenueMetrics::cancelsSent);
            crypto(registry, "meridian_crypto_replaces_sent", "replaces sent", venue, m, CryptoVenueMetrics::replacesSent);
            crypto(registry, "meridian_crypto_acks", "orders acknowledged", venue, m, CryptoVenueMetrics::acks);
            crypto(registry, "meridian_crypto_ack_latency_seconds_total", "sum of send -> ack latencies", venue, m,
                metrics -> metrics.ackLatencyNanosTotal() / 1e9);
            crypto(registry, "meridian_crypto_fills", "fills given to the OMS", venue, m, CryptoVenueMetrics::fills);
            crypto(registry, "meridian_crypto_duplicate_fills_dropped", "fills dropped as duplicates (venue trade id)",
                venue, m, CryptoVenueMetrics::duplicateFillsDropped);
            crypto(registry, "meridian_crypto_unknown_order_fills", "fills for orders we do not know (kept)", venue, m,
                CryptoVenueMetrics::unknownOrderFills);
            crypto(registry, "meridian_crypto_unknown_outcomes", "requests whose outcome was lost", venue, m,
                CryptoVenueMetrics::unknownOutcomes);
            crypto(registry, "meridian_crypto_unknown_outcomes_settled", "unknown outcomes settled", venue, m,
                CryptoVenueMetrics::unknownOutcomesSettled);
            crypto(registry, "meridian_crypto_venue_rejects", "orders rejected by the venue", venue, m,
                CryptoVenueMetrics::venueRejects);
            crypto(registry, "meridian_crypto_filter_rejects", "orders refused by the venue's filters before sending",
                venue, m, CryptoVenueMetrics::filterRejects);
            crypto(registry, "meridian_crypto_rate_limit_rejects", "orders refused to stay within rate limits", venue,
                m, CryptoVenueMetrics::rateLimitRejects);
            crypto(registry, "meridian_crypto_rate_limited", "429 answers", venue, m, CryptoVenueMetrics::rateLimited429);
            crypto(registry, "meridian_crypto_reconnects", "WebSocket reconnects", venue, m, CryptoVenueMetrics::reconnects);
            crypto(registry, "meridian_crypto_resyncs", "order book resynchronisations", venue, m,
                CryptoVenueMetrics::resyncs);
            crypto(registry, "meridian_crypto_book_updates", "depth updates applied to local books", venue, m,
                CryptoVenueMetrics::bookUpdates);
            crypto(registry, "meridian_crypto_book_gaps", "depth sequence gaps (each resyncs the book)", venue, m,
                CryptoVenueMetrics::bookGaps);
            crypto(registry, "meridian_crypto_checksum_failures", "book checksum mismatches (each resyncs the book)",
                venue, m, CryptoVenueMetrics::checksumFailures);
            crypto(registry, "meridian_crypto_book_snapshots", "book snapshots loaded", venue, m,
                CryptoVenueMetrics::snapshots);
            crypto(registry, "meridian_crypto_market_data_reconnects", "market data stream reconnects", venue, m,
                CryptoVenueMetrics::marketDataReconnects);
            Gauge.builder("meridian_crypto_books_synced", bridge, CryptoVenueBridge::booksSynced)
                .description("instruments whose local book is in sync with the venue").tag("venue", venue)
                .register(registry);
            crypto(registry, "meridian_crypto_catch_ups", "REST catch-ups after a stream (re)connect", venue, m,
                CryptoVenueMetrics::catchUps);
            crypto(registry, "meridian_crypto_status_queries", "status queries the OMS asked", venue, m,
                CryptoVenueMetrics::statusQueries);
            crypto(registry, "meridian_crypto_status_answers", "status answers sent to the OMS", venue, m,
                CryptoVenueMetrics::statusAnswers);
            crypto(registry, "meridian_crypto_orders_taken_over", "orders of an earlier process taken over by a status query",
                venue, m, CryptoVenueMetrics::ordersTakenOver);
            Gauge.builder("meridian_crypto_rate_limit_used", m, CryptoVenueMetrics::rateLimitUsed)
                .description("request weight used in the venue's window").tag("venue", venue).register(registry);
            Gauge.builder("meridian_crypto_orders_used", m, CryptoVenueMetrics::ordersUsed)
                .description("orders counted in the venue's short window").tag("venue", venue).register(registry);
            Gauge.builder("meridian_crypto_clock_offset_ms", m, CryptoVenueMetrics::clockOffsetMs)
                .description("venue time minus local time").tag("venue", venue).register(registry);
            Gauge.builder("meridian_crypto_connected", bridge, b -> b.isConnected() ? 1 : 0)
                .description("1 when orders can reach the venue").tag("venue", venue).register(registry);
            Gauge.builder("meridian_crypto_order_channel_websocket", bridge,
                b -> "websocket".equals(b.status().orderChannel()) ? 1 : 0)
                .description("1 when orders go over the WebSocket, 0 on the REST fallback").tag("venue", venue)
                .register(registry);
        }
    }

    private static void crypto(
        final MeterRegistry registry, final String name, final String description, final String venue,
        final CryptoVenueMetrics metrics, final ToDoubleFunction<CryptoVenueMetrics> value)
    {
        FunctionCounter.builder(name, metrics, value).description(description).tag("venue", venue).register(registry);
    }

    private static void bindHalts(final MeterRegistry registry, final MeridianServer server)
    {
        Gauge.builder("meridian_kill_switch_engaged", server, s -> s.halts().killSwitchEngaged() ? 1 : 0)
            .description("1 while the operator's kill switch refuses new orders").register(registry);
        server.config().venueIds().forEach((name, venueId) ->
            Gauge.builder("meridian_venue_halted", server, s -> s.halts().venueHalted(venueId) ? 1 : 0)
                .description("1 while an operator halt refuses new orders to the venue")
                .tag("venue", name).register(registry));
        server.config().venueIds().forEach((name, venueId) ->
            Gauge.builder("meridian_venue_drift_halted", server, s -> s.halts().driftHalted(venueId) ? 1 : 0)
                .description("1 while reconciliation's halt policy refuses new orders to the venue (an unresolved drift)")
                .tag("venue", name).register(registry));
    }

    private static void bindAlerts(final MeterRegistry registry, final Alerts alerts)
    {
        for (final Severity severity : Severity.values())
        {
            FunctionCounter.builder("meridian_alerts_raised", alerts, a -> a.raised(severity))
                .description("alerts raised, by severity").tag("severity", severity.name()).register(registry);
        }
        for (final AlertChannel sink : alerts.channels())
        {
            alertCounter(registry, "meridian_alerts_delivered", "alerts the sink accepted", sink, AlertChannel::delivered);
            alertCounter(registry, "meridian_alerts_failed_attempts", "alert delivery attempts that failed (retried)",
                sink, AlertChannel::failedAttempts);
            alertCounter(registry, "meridian_alerts_given_up", "alerts dropped after their last delivery attempt", sink,
                AlertChannel::givenUp);
            alertCounter(registry, "meridian_alerts_dropped", "alerts dropped because the sink's queue was full", sink,
                AlertChannel::dropped);
            alertCounter(registry, "meridian_alerts_suppressed", "alerts over the sink's rate limit, sent as a summary",
                sink, AlertChannel::suppressed);
        }
    }

    private static void alertCounter(
        final MeterRegistry registry, final String name, final String description, final AlertChannel sink,
        final ToDoubleFunction<AlertChannel> value)
    {
        FunctionCounter.builder(name, sink, value).description(description).tag("sink", sink.sinkName())
            .register(registry);
    }

    private static <T> void counter(
        final MeterRegistry registry, final String name, final String description, final T source,
        final ToDoubleFunction<T> value)
    {
        FunctionCounter.builder(name, source, value).description(description).register(registry);
    }
}
