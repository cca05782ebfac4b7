package io.meridian.admin;

import io.meridian.oms.OmsMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The order path's latencies as Prometheus timers with percentiles over the last minute, and for the
 * console: internal tick-to-trade ({@code meridian_tick_to_trade_seconds}: a client NewOrderSingle
 * received by the FIX engine to the venue NewOrderSingle handed to its session) and, per venue, the
 * acknowledgement latency ({@code meridian_venue_ack_latency_seconds{venue}}: the sequencer's receipt
 * of a client order to its receipt of the venue's acknowledgement). The core thread only drops
 * samples into rings ({@link io.meridian.oms.LatencySamples}); this drains them four times a second on
 * a thread of its own.
 */
@Context
public class LatencyMetrics
{
    private static final double[] PERCENTILES = {0.5, 0.9, 0.99, 0.999};
    private static final long VENUE_ACK_NANOS_MASK = (1L << OmsMetrics.VENUE_ACK_VENUE_SHIFT) - 1;

    private final MeridianServer server;
    private final Timer tickToTrade;
    private final Timer[] venueAcks;
    private final String[] venueNames;
    private final ScheduledExecutorService timer = DaemonTimers.single("meridian-latency-metrics");

    public LatencyMetrics(final MeridianServer server, final PrometheusMeterRegistry registry)
    {
        this.server = server;
        tickToTrade = timer("meridian_tick_to_trade",
            "client NewOrderSingle received by the FIX engine -> venue NewOrderSingle handed to its session", null)
            .register(registry);
        final Map<String, Integer> venueIds = server.config().venueIds();
        venueAcks = new Timer[venueIds.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
        venueNames = new String[venueAcks.length];
        venueIds.forEach((name, id) ->
        {
            venueNames[id] = name;
            venueAcks[id] = timer("meridian_venue_ack_latency",
                "client order received by the sequencer -> the venue's acknowledgement received by the sequencer",
                name).register(registry);
        });
        timer.scheduleWithFixedDelay(this::drain, 250, 250, TimeUnit.MILLISECONDS);
    }

    private static Timer.Builder timer(final String name, final String description, final String venue)
    {
        final Timer.Builder builder = Timer.builder(name).description(description)
            .publishPercentiles(PERCENTILES)
            .distributionStatisticExpiry(Duration.ofMinutes(1))
            .distributionStatisticBufferLength(3);
        return venue == null ? builder : builder.tag("venue", venue);
    }

    /** Hands the samples taken since the last call to the timers; the drain thread only (and tests). */
    void drain()
    {
        server.tickToTrade().drain(nanos -> tickToTrade.record(Math.max(nanos, 0), TimeUnit.NANOSECONDS));
        server.oms().metrics().venueAcks().drain(sample ->
        {
            final int venueId = (int)(sample >>> OmsMetrics.VENUE_ACK_VENUE_SHIFT);
            if (venueId < venueAcks.length && venueAcks[venueId] != null)
            {
                venueAcks[venueId].record(sample & VENUE_ACK_NANOS_MASK, TimeUnit.NANOSECONDS);
            }
        });
    }

    /** Each latency with its percentiles over the last minute, in microseconds, for the console. */
    public List<LatencyView> views()
    {
        final List<LatencyView> views = new ArrayList<>();
        views.add(LatencyView.of("tick-to-trade", "", tickToTrade));
        for (int id = 0; id < venueAcks.length; id++)
        {
            if (venueAcks[id] != null)
            {
                views.add(LatencyView.of("venue ack", venueNames[id], venueAcks[id]));
            }
        }
        return views;
    }

    /** Samples dropped because a ring was full (the drain thread fell behind). */
    public long droppedSamples()
    {
        return server.tickToTrade().droppedSamples() + server.oms().metrics().venueAcks().dropped();
    }

    @PreDestroy
    void close()
    {
        timer.shutdownNow();
    }

    /**
     * One latency: samples since start, and the percentiles and maximum of the last minute in
     * microseconds (NaN-free: 0 when the minute had no sample).
     */
    @Serdeable
    public record LatencyView(
        String name, String venue, long count, double p50Us, double p90Us, double p99Us, double p999Us, double maxUs)
    {
        static LatencyView of(final String name, final String venue, final Timer timer)
        {
            final HistogramSnapshot snapshot = timer.takeSnapshot();
            final double[] values = new double[PERCENTILES.length];
            for (final ValueAtPercentile v : snapshot.percentileValues())
            {
                for (int i = 0; i < PERCENTILES.length; i++)
                {
                    if (v.percentile() == PERCENTILES[i])
                    {
                        values[i] = micros(v.value(TimeUnit.MICROSECONDS));
                    }
                }
            }
            return new LatencyView(name, venue, snapshot.count(), values[0], values[1], values[2], values[3],
                micros(snapshot.max(TimeUnit.MICROSECONDS)));
        }

        private static double micros(final double value)
        {
            return Double.isFinite(value) ? Math.round(value * 10) / 10.0 : 0;
        }
    }
}
