package io.meridian.risk.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A credential (a bot token) that never shows in {@code toString}, so it cannot leak into a log line,
 * a record's string form or an exception message by accident. Read from an environment variable or a
 * secrets file, never from the YAML.
 */
public final class Secret
{
    private final String value;

    private Secret(final String value)
    {
        if (value == null || value.isBlank())
        {
            throw new IllegalArgumentException("empty secret");
        }
        this.value = value.strip();
    }

    public static Secret of(final String value)
    {
        return new Secret(value);
    }

    /** From environment variable {@code name}; the message names the variable, never a value. */
    public static Secret fromEnv(final String name, final Map<String, String> environment)
    {
        final String value = environment.get(name);
        if (value == null || value.isBlank())
        {
            throw new IllegalArgumentException("environment variable " + name + " is not set (it holds the token)");
        }
        return new Secret(value);
    }

    /** The whole file, trimmed (a trailing newline is usual). */
    public static Secret fromFile(final Path file)
    {
        try
        {
            return new Secret(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read the secrets file " + file, e);
        }
        catch (final IllegalArgumentException e)
        {
            throw new IllegalArgumentException("the secrets file " + file + " is empty", e);
        }
    }

    /** The value itself: only to build the request that needs it. */
    public String reveal()
    {
        return value;
    }

    /** {@code text} with every occurrence of the secret masked. */
    public String scrub(final String text)
    {
        return text == null ? null : text.replace(value, "***");
    }

    public String toString()
    {
        return "***";
    }
}
