package io.meridian.admin;

import io.meridian.venues.view.VenueView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What reconciliation must remember across a restart, in {@code <data-dir>/reconciliation-state}:
 * per venue, the last venue trade id reconciled per symbol (the next pass asks for trades after it)
 * and the holding baselines (the venue's balance or position minus what our fills imply, accepted as
 * normal: what the account held before Meridian, a deposit an operator acknowledged). At a venue's
 * first reconciliation a baseline is adopted when two passes agree on it, never from one look (a fill
 * in flight would skew it for good); once every holding the venue reported then has one, the venue is
 * initialised and a holding that appears later starts from zero (the account did not hold it before).
 * Used by the reconciliation thread only.
 */
final class ReconciliationState
{
    private static final String FILE = "reconciliation-state";

    private final Path file;
    private final Map<String, Map<String, String>> tradeIds = new TreeMap<>();
    private final Map<String, Map<String, BigDecimal>> baselines = new TreeMap<>();
    private final Map<String, Map<String, BigDecimal>> candidates = new HashMap<>();
    private final java.util.Set<String> initialised = new java.util.TreeSet<>();

    private ReconciliationState(final Path file)
    {
        this.file = file;
    }

    static ReconciliationState load(final Path dataDir)
    {
        final ReconciliationState state = new ReconciliationState(dataDir.resolve(FILE));
        if (!Files.exists(state.file))
        {
            return state;
        }
        try
        {
            for (final String line : Files.readAllLines(state.file, StandardCharsets.UTF_8))
            {
                final String[] parts = line.trim().split(" ");
                if (parts.length == 4 && parts[0].equals("trade"))
                {
                    state.tradeIds.computeIfAbsent(parts[1], v -> new TreeMap<>()).put(parts[2], parts[3]);
                }
                else if (parts.length == 4 && parts[0].equals("baseline"))
                {
                    state.baselines.computeIfAbsent(parts[1], v -> new TreeMap<>()).put(parts[2], new BigDecimal(parts[3]));
                }
                else if (parts.length == 2 && parts[0].equals("initialised"))
                {
                    state.initialised.add(parts[1]);
                }
                else if (!line.isBlank())
                {
                    throw new IllegalStateException("unreadable line '" + line + "'");
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + state.file, e);
        }
        catch (final RuntimeException e)
        {
            throw new IllegalStateException("cannot read " + state.file + ": " + e.getMessage() +
                " (delete it to start reconciliation afresh: baselines are then taken again)", e);
        }
        return state;
    }

    Map<String, String> tradeIds(final String venue)
    {
        return tradeIds.getOrDefault(venue, Map.of());
    }

    Map<String, BigDecimal> baselines(final String venue)
    {
        return baselines.getOrDefault(venue, Map.of());
    }

    /**
     * Moves each symbol's last reconciled trade id past the trades the ledger holds, stopping at the
     * first it does not (asked again next pass). @return whether anything moved.
     */
    boolean advanceTrades(final String venue, final List<VenueView.Trade> trades, final Predicate<VenueView.Trade> recorded)
    {
        final Map<String, String> ids = tradeIds.computeIfAbsent(venue, v -> new TreeMap<>());
        final Map<String, Boolean> blocked = new HashMap<>();
        boolean moved = false;
        for (final VenueView.Trade t : trades)
        {
            if (blocked.getOrDefault(t.symbol(), false))
            {
                continue;
            }
            if (!recorded.test(t))
            {
                blocked.put(t.symbol(), true);
                continue;
            }
            if (!t.venueTradeId().equals(ids.put(t.symbol(), t.venueTradeId())))
            {
                moved = true;
            }
        }
        return moved;
    }

    /**
     * Offers this pass's raw differences (venue minus ours) per holding: one seen twice in a row
     * without a baseline becomes its baseline. @return whether a baseline was adopted.
     */
    boolean offerBaselines(final String venue, final Map<String, BigDecimal> raw)
    {
        final Map<String, BigDecimal> current = baselines.computeIfAbsent(venue, v -> new TreeMap<>());
        final Map<String, BigDecimal> previous = candidates.computeIfAbsent(venue, v -> new HashMap<>());
        boolean adopted = false;
        for (final Map.Entry<String, BigDecimal> e : raw.entrySet())
        {
            if (current.containsKey(e.getKey()))
            {
                continue;
            }
            if (initialised.contains(venue))
            {
                current.put(e.getKey(), BigDecimal.ZERO);
                adopted = true;
                continue;
            }
            final BigDecimal before = previous.put(e.getKey(), e.getValue());
            if (before != null && before.compareTo(e.getValue()) == 0)
            {
                current.put(e.getKey(), e.getValue());
                previous.remove(e.getKey());
                adopted = true;
            }
        }
        if (!initialised.contains(venue) && !raw.isEmpty() && current.keySet().containsAll(raw.keySet()))
        {
            initialised.add(venue);
            adopted = true;
        }
        return adopted;
    }

    /** An operator accepted a holding as it is now (venue's figure minus ours): its new baseline. */
    void acceptHolding(final String venue, final String subject, final BigDecimal venueMinusOurs)
    {
        baselines.computeIfAbsent(venue, v -> new TreeMap<>()).put(subject, venueMinusOurs);
        candidates.getOrDefault(venue, new HashMap<>()).remove(subject);
    }

    void save()
    {
        final List<String> lines = new ArrayList<>();
        initialised.forEach(venue -> lines.add("initialised " + venue));
        tradeIds.forEach((venue, ids) -> ids.forEach((symbol, id) -> lines.add("trade " + venue + " " + symbol + " " + id)));
        baselines.forEach((venue, values) -> values.forEach((subject, value) ->
            lines.add("baseline " + venue + " " + subject + " " + value.toPlainString())));
        AtomicFiles.writeLines(file, lines);
    }
}
