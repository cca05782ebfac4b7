package io.meridian.admin.security;

import io.meridian.admin.MeridianServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.meridian.risk.audit.AuditJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who changed what, when, from what to what: one JSON record per mutating admin call (kill switch,
 * venue halts, users, limits as they land) in the hash-chained audit journal {@code <data-dir>/audit.log}
 * ({@link AuditJournal}: synced per record, verified at start, {@code bin/meridian-audit verify}),
 * written by {@link AuditFilter} with the old and new values a controller attached to the request.
 * Opened with the application, so a broken chain refuses the start.
 */
@io.micronaut.context.annotation.Context
public class AuditLog implements AutoCloseable
{
    public static final String OLD = "meridian.audit.old";
    public static final String NEW = "meridian.audit.new";
    private static final Logger LOG = LoggerFactory.getLogger("meridian.audit");

    private final Path file;
    private final JsonMapper json;
    private final AuditJournal journal;

    public AuditLog(final MeridianServer server, final JsonMapper json)
    {
        final Path dataDir = server.config().dataDir();
        this.file = dataDir.resolve(AuditJournal.FILE_NAME);
        this.json = json;
        setAsideUnchainedLog(file);
        this.journal = AuditJournal.open(dataDir);
        LOG.info("event=audit_journal_open file={} records={} lastHash={}", file, journal.records(), journal.lastHash());
    }

    /**
     * Builds before the hash chain wrote plain JSON lines to the same file: kept aside, not continued
     * (a chained journal starts with a sequence number, so a tampered chain is never mistaken for one).
     */
    private static void setAsideUnchainedLog(final Path file)
    {
        try
        {
            if (Files.exists(file) && Files.size(file) > 0 && Files.readAllBytes(file)[0] == '{')
            {
                final Path aside = file.resolveSibling("audit-unchained-" + System.currentTimeMillis() + ".log");
                Files.move(file, aside);
                LOG.warn("event=audit_unchained_log_set_aside file={}", aside);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot set aside " + file, e);
        }
    }

    @jakarta.annotation.PreDestroy
    public void close()
    {
        journal.close();
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
            final long seq = journal.append(line);
            LOG.info("event=audit seq={} {}", seq, line);
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
