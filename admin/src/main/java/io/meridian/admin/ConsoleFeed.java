package io.meridian.admin;

import io.meridian.oms.OrderSnapshot;
import io.meridian.oms.model.OrderRejectReason;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.PreDestroy;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's live feed ({@code GET /events}, server-sent events): one {@code snapshot} event per
 * second while anyone listens (health, sessions, halts, the latest orders, positions, counters, latency),
 * built on one thread from the same queries as the REST API and shared by every listener.
 */
@Controller
@Tag(name = "console", description = "Dashboard and API description")
public class ConsoleFeed
{
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFeed.class);
    private static final int MAX_ORDERS = 500;
    private static final long QUERY_TIMEOUT_MS = 5_000;

    // OrderIDs end in a counter: a longer id is newer
    private static final Comparator<OrderSnapshot> NEWEST_FIRST = Comparator
        .comparingInt((OrderSnapshot o) -> o.orderId().length()).thenComparing(OrderSnapshot::orderId).reversed();

    private final MeridianServer server;
    private final AdminController api;
    private final HaltsController halts;
    private final JsonMapper json;
    private final LatencyMetrics latency;
    private final Sinks.Many<String> snapshots = Sinks.many().replay().latest();
    private final AtomicInteger listeners = new AtomicInteger();
    private final ScheduledExecutorService timer = DaemonTimers.single("console-feed");

    public ConsoleFeed(
        final MeridianServer server, final AdminController api, final HaltsController halts, final JsonMapper json,
        final LatencyMetrics latency)
    {
        this.server = server;
        this.latency = latency;
        this.api = api;
        this.halts = halts;
        this.json = json;
        timer.scheduleWithFixedDelay(this::publish, 0, 1, TimeUnit.SECONDS);
    }

    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    @Operation(summary = "Live dashboard feed (server-sent events)",
        description = "An event 'snapshot' per second with health, sessions, halts, the latest " + MAX_ORDERS +
            " orders, positions, counters and latency percentiles as JSON.")
    public Publisher<Event<String>> events()
    {
        // the first snapshot is built at once for the new listener, off the event loop (it waits for the sequencer)
        return Flux.concat(Flux.defer(() -> Flux.just(build())).subscribeOn(Schedulers.boundedElastic()),
                snapshots.asFlux())
            .map(data -> Event.of(data).name("snapshot"))
            .doOnSubscribe(s -> listeners.incrementAndGet())
            .doFinally(signal -> listeners.decrementAndGet());
    }

    private void publish()
    {
        if (listeners.get() == 0)
        {
            return;
        }
        try
        {
            snapshots.tryEmitNext(build());
        }
        catch (final RuntimeException e)
        {
            LOG.warn("event=console_feed_failed", e);
        }
    }

    private String build()
    {
        try
        {
            final List<OrderSnapshot> orders = server.oms().queries().orders().get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final List<AdminController.OrderView> views = new ArrayList<>();
            orders.stream().sorted(NEWEST_FIRST).limit(MAX_ORDERS)
                .forEach(order -> views.add(AdminController.OrderView.of(order, server)));
            final Map<String, Long> rejects = new LinkedHashMap<>();
            for (final OrderRejectReason reason : OrderRejectReason.values())
            {
                final long count = server.oms().metrics().rejects(reason);
                if (reason != OrderRejectReason.NONE && count > 0)
                {
                    rejects.put(reason.name(), count);
                }
            }
            return json.writeValueAsString(new Snapshot(
                Instant.now().toString(), api.health().body(), halts.halts(), views, orders.size(),
                api.positions(), new Counters(server.oms().metrics().newOrdersIn(), server.oms().metrics().fills(),
                server.venueMetrics().ordersSent(), rejects), latency.views()));
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("console snapshot failed", e);
        }
    }

    @PreDestroy
    void close()
    {
        timer.shutdownNow();
    }

    /** One dashboard update. */
    @Serdeable
    public record Snapshot(
        String time, AdminController.Health health, HaltsController.Halts halts, List<AdminController.OrderView> orders,
        int orderCount, List<io.meridian.positions.store.StoreViews.PositionView> positions, Counters counters,
        List<LatencyMetrics.LatencyView> latency)
    {
    }

    /** Totals since start. */
    @Serdeable
    public record Counters(long ordersIn, long fills, long venueOrdersSent, Map<String, Long> rejectsByReason)
    {
    }
}
