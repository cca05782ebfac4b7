package io.meridian.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Journaled ids of clients, instruments and venues are their positions in the configuration's lists.
 * To keep a reordered application.yml from replaying orders onto the wrong client or instrument, the
 * names are recorded per id in {@code <data-dir>/config-ids} at the first start, and every later start
 * puts the entries back in that order, appending new names after the known ones. A name the journal
 * knows but the configuration lost refuses the start: its orders would have nowhere to go.
 */
final class StableIds
{
    static final String FILE = "config-ids";

    private final Path file;
    private final Map<String, List<String>> known = new LinkedHashMap<>();
    private final Map<String, List<String>> current = new LinkedHashMap<>();

    private StableIds(final Path file)
    {
        this.file = file;
    }

    /** Ids as configured, nothing recorded (a configuration without a data directory, as in tests). */
    static StableIds none()
    {
        return new StableIds(null);
    }

    static StableIds open(final Path dataDir)
    {
        final StableIds ids = new StableIds(dataDir.resolve(FILE));
        if (Files.exists(ids.file))
        {
            try
            {
                for (final String line : Files.readAllLines(ids.file, StandardCharsets.UTF_8))
                {
                    final int space = line.indexOf(' ');
                    if (space > 0)
                    {
                        ids.known.computeIfAbsent(line.substring(0, space), k -> new ArrayList<>())
                            .add(line.substring(space + 1));
                    }
                }
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException("cannot read " + ids.file, e);
            }
        }
        return ids;
    }

    /**
     * @return {@code entries} in id order: the names recorded for {@code kind} first, as recorded, then
     * the new ones in configuration order.
     * @throws IllegalStateException when a recorded name is missing from the configuration.
     */
    <T> List<T> order(final String kind, final List<T> entries, final Function<T, String> name)
    {
        final Map<String, T> byName = new LinkedHashMap<>();
        for (final T entry : entries)
        {
            if (byName.put(name.apply(entry), entry) != null)
            {
                throw new IllegalArgumentException("configuration: " + kind + " " + name.apply(entry) + " is listed twice");
            }
        }
        final List<T> ordered = new ArrayList<>(entries.size());
        final List<String> names = new ArrayList<>();
        for (final String recorded : known.getOrDefault(kind, List.of()))
        {
            final T entry = byName.remove(recorded);
            if (entry == null)
            {
                throw new IllegalStateException("configuration: " + kind + " '" + recorded + "' is in the journal of " +
                    file.getParent().toAbsolutePath() + " (recorded in " + file.getFileName() + ") but no longer configured: add it " +
                    "back, or start on a fresh data directory");
            }
            ordered.add(entry);
            names.add(recorded);
        }
        for (final Map.Entry<String, T> added : byName.entrySet())
        {
            ordered.add(added.getValue());
            names.add(added.getKey());
        }
        current.put(kind, names);
        return ordered;
    }

    /** Whether this start has more names of {@code kind} than an earlier one recorded (none recorded: false). */
    boolean grew(final String kind)
    {
        final List<String> recorded = known.get(kind);
        return recorded != null && current.getOrDefault(kind, List.of()).size() > recorded.size();
    }

    /** Records the ids of this start (after every {@link #order} call). */
    void save()
    {
        if (file == null)
        {
            return;
        }
        final List<String> lines = new ArrayList<>();
        current.forEach((kind, names) -> names.forEach(n -> lines.add(kind + " " + n)));
        known.forEach((kind, names) ->
        {
            if (!current.containsKey(kind))
            {
                names.forEach(n -> lines.add(kind + " " + n));
            }
        });
        AtomicFiles.writeLines(file, lines);
    }
}
