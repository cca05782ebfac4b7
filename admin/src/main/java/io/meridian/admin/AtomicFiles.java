package io.meridian.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** State files under the data directory, replaced whole: a crash leaves the old file or the new one. */
final class AtomicFiles
{
    private AtomicFiles()
    {
    }

    /** Writes {@code lines} to a sibling temporary file and moves it over {@code file} atomically. */
    static void writeLines(final Path file, final List<String> lines)
    {
        try
        {
            Files.createDirectories(file.toAbsolutePath().getParent());
            final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
