package io.meridian.admin;

import io.meridian.admin.security.AuditLog;
import io.meridian.risk.audit.JournalAnchor;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second, off the order path, anchors the order journal's new final records in the audit chain
 * ({@link JournalAnchor}): every order event and risk decision becomes tamper-evident, checked by
 * {@code bin/meridian-audit verify}. Where it got to is kept in {@code <data-dir>/journal-anchor}.
 */
@Context
public class JournalAnchoring implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalAnchoring.class);
    private static final String STATE_FILE = "journal-anchor";

    private final AuditLog audit;
    private final Path journalDir;
    private final Path stateFile;
    private final ScheduledExecutorService timer = DaemonTimers.single("meridian-journal-anchoring");
    private int segment;
    private long offset;

    public JournalAnchoring(final MeridianServer server, final AuditLog audit)
    {
        this.audit = audit;
        this.journalDir = server.config().dataDir().resolve("journal");
        this.stateFile = server.config().dataDir().resolve(STATE_FILE);
        readState();
        timer.scheduleWithFixedDelay(this::anchorQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void readState()
    {
        try
        {
            if (Files.exists(stateFile))
            {
                final String[] parts = Files.readString(stateFile, StandardCharsets.UTF_8).trim().split(" ");
                segment = Integer.parseInt(parts[0]);
                offset = Long.parseLong(parts[1]);
            }
        }
        catch (final IOException | RuntimeException e)
        {
            // anchored again from the start: overlapping anchors are each checked on their own
            LOG.warn("event=journal_anchor_state_unreadable file={} anchoring_from_start", stateFile, e);
            segment = 0;
            offset = 0;
        }
    }

    private void anchorQuietly()
    {
        try
        {
            anchor();
        }
        catch (final IOException | RuntimeException e)
        {
            LOG.error("event=journal_anchor_failed", e);
        }
    }

    /** Anchors what is final and not anchored yet; package-private for tests. @return ranges anchored. */
    synchronized int anchor() throws IOException
    {
        int anchored = 0;
        JournalAnchor.Range range;
        while ((range = JournalAnchor.next(journalDir, segment, offset)) != null)
        {
            final Map<String, Object> anchor = new LinkedHashMap<>();
            anchor.put("segment", range.segment());
            anchor.put("from", range.from());
            anchor.put("to", range.to());
            anchor.put("records", range.records());
            anchor.put("sha256", range.sha256());
            audit.record("journal-anchoring", "local", "ANCHOR", "/journal", 200, null, anchor);
            segment = range.segment();
            offset = range.to();
            AtomicFiles.writeLines(stateFile, List.of(segment + " " + offset));
            anchored++;
        }
        return anchored;
    }

    @PreDestroy
    @Override
    public void close()
    {
        timer.shutdownNow();
        try
        {
            anchor(); // what the drain journaled last
        }
        catch (final IOException | RuntimeException e)
        {
            LOG.warn("event=journal_anchor_at_close_failed", e);
        }
    }
}
