package io.meridian.admin;

import io.meridian.risk.TradingHalts;
import io.meridian.risk.alerts.Alerts;
import io.meridian.risk.alerts.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator halts survive a restart (fail closed): {@code <data-dir>/trading-halts} lists
 * {@code kill-switch}, {@code venue <name>}, {@code instrument <symbol>}, {@code session <CompID>} and
 * {@code account <name>} lines, rewritten atomically on every change.
 */
public final class TradingHaltFile
{
    private static final String FILE = "trading-halts";

    private TradingHaltFile()
    {
    }

    /** Engages the halts the file lists; each one restored is a YELLOW alert (trading starts halted). */
    static void restore(final Path dataDir, final MeridianServer server, final Alerts alerts)
    {
        final Path file = dataDir.resolve(FILE);
        if (!Files.exists(file))
        {
            return;
        }
        final TradingHalts halts = server.halts();
        try
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                if (line.equals("kill-switch"))
                {
                    halts.killSwitch(true);
                    alerts.raise(Severity.YELLOW, "admin", "KILL_SWITCH_RESTORED",
                        "kill switch still engaged after the restart (" + file + "): new orders are refused until released");
                    continue;
                }
                final int space = line.indexOf(' ');
                if (space < 0)
                {
                    continue;
                }
                final String kind = line.substring(0, space);
                final String name = line.substring(space + 1);
                if (kind.equals("venue"))
                {
                    final Integer venueId = server.config().venueIds().get(name);
                    if (venueId != null)
                    {
                        halts.venueHalted(venueId, true);
                        alerts.raise(Severity.YELLOW, "admin", "VENUE_HALT_RESTORED",
                            "venue " + name + " still halted after the restart: new orders to it are refused until resumed");
                    }
                    continue;
                }
                final TradingHalts.Level level = level(kind);
                final int id = level == null ? -1 : id(server, level, name);
                if (id >= 0)
                {
                    halts.halt(level, id, true);
                    alerts.raise(Severity.YELLOW, "admin", "KILL_SWITCH_RESTORED", "kill switch of " + line +
                        " still engaged after the restart: its new orders are refused until released");
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @return the level named {@code instrument}, {@code session} or {@code account}; null for any other. */
    static TradingHalts.Level level(final String kind)
    {
        for (final TradingHalts.Level level : TradingHalts.Level.values())
        {
            if (level.name().equalsIgnoreCase(kind))
            {
                return level;
            }
        }
        return null;
    }

    /** @return the id of the named instrument, session (CompID) or account, -1 when unknown. */
    static int id(final MeridianServer server, final TradingHalts.Level level, final String name)
    {
        return names(server, level).indexOf(name);
    }

    /** The instruments' symbols, the sessions' CompIDs or the accounts' names, by their ids. */
    private static List<String> names(final MeridianServer server, final TradingHalts.Level level)
    {
        return switch (level)
        {
            case INSTRUMENT ->
            {
                final List<String> symbols = new ArrayList<>(server.instruments().size());
                for (int i = 0; i < server.instruments().size(); i++)
                {
                    symbols.add(server.instruments().byId(i).symbol());
                }
                yield symbols;
            }
            case SESSION -> server.sessionCompIds();
            case ACCOUNT -> server.riskGate().accountNames();
        };
    }

    /** Writes the current halts; called with the halts already changed. */
    public static synchronized void save(final Path dataDir, final MeridianServer server)
    {
        final TradingHalts halts = server.halts();
        final List<String> lines = new ArrayList<>();
        if (halts.killSwitchEngaged())
        {
            lines.add("kill-switch");
        }
        server.config().venueIds().forEach((name, venueId) ->
        {
            if (halts.venueHalted(venueId))
            {
                lines.add("venue " + name);
            }
        });
        lines.addAll(scopedHalts(server));
        AtomicFiles.writeLines(dataDir.resolve(FILE), lines);
    }

    /** The engaged kill switches below global and venue, as {@code <level> <name>}. */
    static List<String> scopedHalts(final MeridianServer server)
    {
        final List<String> lines = new ArrayList<>();
        for (final TradingHalts.Level level : TradingHalts.Level.values())
        {
            final List<String> names = names(server, level);
            for (int id = 0; id < names.size(); id++)
            {
                if (server.halts().halted(level, id))
                {
                    lines.add(level.name().toLowerCase(java.util.Locale.ROOT) + " " + names.get(id));
                }
            }
        }
        return lines;
    }
}
