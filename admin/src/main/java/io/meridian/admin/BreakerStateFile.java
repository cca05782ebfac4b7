package io.meridian.admin;

import io.meridian.risk.HotRiskGate;
import io.meridian.risk.RiskScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Circuit breaker trips are live decisions, not journaled; what they decided outlives a restart here, so the
 * losing streak the replay rebuilds is not tripped on a second time (a second audit record and alert for the
 * same streak), a cool-down is not cut short, and the trips of the last 24 hours still count towards the pause.
 * {@code <data-dir>/breaker-state} holds, per scope that has tripped or been reset, {@code <kind> <name> TAB
 * <streak cleared at, epoch ns> TAB <cool-down until, epoch ns> TAB <last cause or -> TAB <trip times, comma
 * separated>}, rewritten atomically by the risk watch when a trip or a reset changes it. A trip in the quarter
 * second before a crash may not be saved yet: that streak can then trip once more.
 */
final class BreakerStateFile
{
    static final String FILE = "breaker-state";
    private static final Logger LOG = LoggerFactory.getLogger(BreakerStateFile.class);

    private BreakerStateFile()
    {
    }

    /** Restores each scope's breaker state (before the journal replay: the replayed fills consult it). */
    static void restore(final Path dataDir, final HotRiskGate gate)
    {
        final Path file = dataDir.resolve(FILE);
        if (!Files.exists(file))
        {
            return;
        }
        try
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                final String[] fields = line.split("\t", -1);
                if (fields.length != 5)
                {
                    continue;
                }
                final String[] scopeName = fields[0].split(" ", 2);
                final RiskScope scope = scopeName.length == 2 ?
                    gate.scope(RiskScope.Kind.valueOf(scopeName[0].toUpperCase(Locale.ROOT)), scopeName[1]) : null;
                if (scope == null)
                {
                    LOG.warn("event=breaker_state_skipped scope=\"{}\" reason=no_such_scope file={}", fields[0], file);
                    continue;
                }
                final long[] trips = fields[4].isEmpty() ? new long[0] :
                    java.util.Arrays.stream(fields[4].split(",")).mapToLong(Long::parseLong).toArray();
                final RiskScope.BreakerState state = new RiskScope.BreakerState(Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]), fields[3].equals("-") ? null : RiskScope.TripCause.valueOf(fields[3]),
                    trips);
                scope.restoreBreakerState(state);
                LOG.info("event=breaker_state_restored scope=\"{}\" streakClearedNanos={} trippedUntilNanos={} " +
                    "lastCause={} recentTrips={}", fields[0], fields[1], fields[2], fields[3], trips.length);
            }
        }
        catch (final IOException | IllegalArgumentException e)
        {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the state of every scope whose breaker has tripped or been reset. */
    static void save(final Path dataDir, final HotRiskGate gate, final long nowNanos)
    {
        final List<String> lines = new ArrayList<>();
        for (final RiskScope scope : gate.scopes())
        {
            final RiskScope.BreakerState state = scope.breakerState(nowNanos);
            if (state.streakClearedNanos() == Long.MIN_VALUE)
            {
                continue; // never tripped nor reset
            }
            final StringBuilder trips = new StringBuilder();
            for (final long at : state.recentTripNanos())
            {
                trips.append(trips.length() == 0 ? "" : ",").append(at);
            }
            lines.add(scope.label() + '\t' + state.streakClearedNanos() + '\t' + state.trippedUntilNanos() + '\t' +
                (state.lastCause() == null ? "-" : state.lastCause().name()) + '\t' + trips);
        }
        AtomicFiles.writeLines(dataDir.resolve(FILE), lines);
    }
}
