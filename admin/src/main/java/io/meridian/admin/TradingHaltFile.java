package io.meridian.admin;

import io.meridian.risk.TradingHalts;

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

    static void restore(final Path dataDir, final TradingHalts halts, final Map<String, Integer> venues)
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
                }
                else if (line.startsWith("venue "))
                {
                    final String name = line.substring("venue ".length());
                    final Integer venueId = venues.get(name);
                    if (venueId != null)
                    {
                        halts.venueHalted(venueId, true);
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
