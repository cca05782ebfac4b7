package io.meridian.systemtests.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented exclusion list: {@code <version>/<script>.def: <reason>} per line, {@code #} comments.
 */
final class AcceptanceExclusions
{
    private AcceptanceExclusions()
    {
    }

    static Map<String, String> load(final Path file) throws IOException
    {
        final Map<String, String> exclusions = new LinkedHashMap<>();
        for (final String raw : Files.readAllLines(file, StandardCharsets.UTF_8))
        {
            final String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final int colon = line.indexOf(':');
            if (colon < 0)
            {
                throw new IllegalArgumentException("exclusion without a reason: " + line);
            }
            exclusions.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return exclusions;
    }
}
