package io.meridian.admin;

import io.meridian.risk.HotRiskGate;
import io.meridian.risk.RiskScope;
import io.meridian.risk.alerts.Alerts;
import io.meridian.risk.alerts.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scopes paused by their circuit breaker stay paused across a restart (fail closed) until an operator
 * resets them: {@code <data-dir>/breaker-pauses} lists {@code <kind> <name>} lines, rewritten atomically.
 */
final class BreakerPauseFile
{
    private static final String FILE = "breaker-pauses";

    private BreakerPauseFile()
    {
    }

    /** Pauses the scopes the file lists (before the sequencer runs); each one is a YELLOW alert. */
    static void restore(final Path dataDir, final HotRiskGate gate, final Alerts alerts)
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
                final String[] parts = line.trim().split(" ", 2);
                if (parts.length != 2)
                {
                    continue;
                }
                final RiskScope scope = gate.scope(RiskScope.Kind.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1]);
                if (scope != null)
                {
                    scope.restorePaused();
                    alerts.raise(Severity.YELLOW, "risk", "BREAKER_PAUSE_RESTORED",
                        "circuit breaker pause of " + line.trim() + " restored at start: new risk refused until reset");
                }
            }
        }
        catch (final IOException | IllegalArgumentException e)
        {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the paused scopes, leaving out {@code resetting} (reset, not yet applied by the sequencer). */
    static void save(final Path dataDir, final HotRiskGate gate, final RiskScope resetting)
    {
        final List<String> lines = new ArrayList<>();
        for (final RiskScope scope : gate.scopes())
        {
            if (scope.breakerPaused() && scope != resetting)
            {
                lines.add(scope.label());
            }
        }
        AtomicFiles.writeLines(dataDir.resolve(FILE), lines);
    }
}
