package io.meridian.admin;

import io.meridian.risk.TradingHalts;
import io.meridian.risk.alerts.Alerts;
import io.meridian.risk.alerts.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator halts survive a restart (fail closed): {@code <data-dir>/trading-halts} lists
 * {@code kill-switch} and {@code venue <name>} lines, rewritten atomically on every change.
 */
public final class TradingHaltFile
{
    private static final String FILE = "trading-halts";

    private TradingHaltFile()
    {
    }

    /** Engages the halts the file lists; each one restored is a YELLOW alert (trading starts halted). */
    static void restore(final Path dataDir, final TradingHalts halts, final Map<String, Integer> venues, final Alerts alerts)
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
                if (line.equals("kill-switch"))
                {
                    halts.killSwitch(true);
                    alerts.raise(Severity.YELLOW, "admin", "KILL_SWITCH_RESTORED",
                        "kill switch still engaged after the restart (" + file + "): new orders are refused until released");
                }
                else if (line.startsWith("venue "))
                {
                    final String name = line.substring("venue ".length());
                    final Integer venueId = venues.get(name);
                    if (venueId != null)
                    {
                        halts.venueHalted(venueId, true);
                        alerts.raise(Severity.YELLOW, "admin", "VENUE_HALT_RESTORED",
                            "venue " + name + " still halted after the restart: new orders to it are refused until resumed");
                    }
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes the current halts; called with the halts already changed. */
    public static synchronized void save(final Path dataDir, final TradingHalts halts, final Map<String, Integer> venues)
    {
        final List<String> lines = new ArrayList<>();
        if (halts.killSwitchEngaged())
        {
            lines.add("kill-switch");
        }
        venues.forEach((name, venueId) ->
        {
            if (halts.venueHalted(venueId))
            {
                lines.add("venue " + name);
            }
        });
        try
        {
            Files.createDirectories(dataDir);
            final Path tmp = dataDir.resolve(FILE + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE), e);
        }
    }
}
