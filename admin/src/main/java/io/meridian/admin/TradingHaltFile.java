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
        return switch (level)
        {
            case INSTRUMENT ->
            {
                final io.meridian.oms.model.Instrument instrument = server.instruments().bySymbol(name);
                yield instrument == null ? -1 : instrument.id();
            }
            case SESSION -> server.sessionCompIds().indexOf(name);
            case ACCOUNT -> server.riskGate().accountNames().indexOf(name);
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
        final TradingHalts halts = server.halts();
        for (int i = 0; i < server.instruments().size(); i++)
        {
            if (halts.halted(TradingHalts.Level.INSTRUMENT, i))
            {
                lines.add("instrument " + server.instruments().byId(i).symbol());
            }
        }
        final List<String> sessions = server.sessionCompIds();
        for (int i = 0; i < sessions.size(); i++)
        {
            if (halts.halted(TradingHalts.Level.SESSION, i))
            {
                lines.add("session " + sessions.get(i));
            }
        }
        final List<String> accounts = server.riskGate().accountNames();
        for (int i = 0; i < accounts.size(); i++)
        {
            if (halts.halted(TradingHalts.Level.ACCOUNT, i))
            {
                lines.add("account " + accounts.get(i));
            }
        }
        return lines;
    }
}
