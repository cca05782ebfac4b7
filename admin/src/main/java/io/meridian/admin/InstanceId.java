package io.meridian.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The identity of one data directory, used as the prefix of every OrderID (and so of every venue
 * ClOrdID): a venue that outlives a wiped data directory never sees an id again. Created once, from
 * the creation time, and read back on every start; a data directory that already holds a journal
 * from before the identity existed keeps an empty prefix, so its ids stay what they were.
 */
final class InstanceId
{
    private static final String FILE = "instance-id";

    private InstanceId()
    {
    }

    static String of(final Path dataDir, final long epochSeconds)
    {
        try
        {
            final Path file = dataDir.resolve(FILE);
            if (Files.exists(file))
            {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(dataDir);
            final boolean existingJournal = Files.isDirectory(dataDir.resolve("journal"));
            final String id = existingJournal ? "" : Long.toString(epochSeconds, 36).toUpperCase() + ".";
            Files.writeString(file, id + System.lineSeparator(), StandardCharsets.US_ASCII);
            return id;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read or create " + dataDir.resolve(FILE), e);
        }
    }
}
