package io.meridian.admin.security;

import io.meridian.admin.MeridianServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who changed what, when, from what to what: one JSON line per mutating admin call in
 * {@code <data-dir>/audit.log} (append-only, flushed per entry), written by {@link AuditFilter}
 * with the old and new values a controller attached to the request. Stands in for the risk journal
 * until that lands.
 */
@Singleton
public class AuditLog
{
    public static final String OLD = "meridian.audit.old";
    public static final String NEW = "meridian.audit.new";
    private static final Logger LOG = LoggerFactory.getLogger("meridian.audit");

    private final Path file;
    private final JsonMapper json;

    public AuditLog(final MeridianServer server, final JsonMapper json)
    {
        this.file = server.config().dataDir().resolve("audit.log");
        this.json = json;
    }

    /** A controller records the state before and after its change; the filter writes them with the call. */
    public static void change(final HttpRequest<?> request, final Object oldValue, final Object newValue)
    {
        request.setAttribute(OLD, oldValue == null ? "none" : oldValue);
        request.setAttribute(NEW, newValue == null ? "none" : newValue);
    }

    public synchronized void record(
        final String user, final String address, final String method, final String path, final int status,
        final Object oldValue, final Object newValue)
    {
        final Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("time", Instant.now().toString());
        entry.put("user", user);
        entry.put("address", address);
        entry.put("action", method + " " + path);
        entry.put("status", status);
        if (oldValue != null)
        {
            entry.put("old", oldValue);
        }
        if (newValue != null)
        {
            entry.put("new", newValue);
        }
        try
        {
            final String line = json.writeValueAsString(entry);
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            LOG.info("event=audit {}", line);
        }
        catch (final IOException e)
        {
            LOG.error("event=audit_write_failed entry={}", entry, e);
            throw new UncheckedIOException(e);
        }
    }

    /** The latest entries, newest last. */
    public synchronized List<String> tail(final int max)
    {
        try
        {
            if (!Files.exists(file))
            {
                return List.of();
            }
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - max), lines.size()));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
