package io.meridian.risk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The tamper-evident audit journal ({@code <data-dir>/audit.log}): append-only, each record chained to
 * the one before by SHA-256 ({@link AuditChain}) and synced before {@link #append} returns. Opening it
 * verifies the whole chain: an incomplete last line (the process died while writing it) is cut off, a
 * broken chain refuses the start, naming the first broken record, because a journal that cannot be
 * trusted must not silently be continued. For admin actions (a few a second at most), not for the
 * order path.
 */
public final class AuditJournal implements AutoCloseable
{
    public static final String FILE_NAME = "audit.log";

    private final Path file;
    private final FileChannel channel;
    private final AuditChain chain = new AuditChain();
    private long seq;
    private String lastHash;

    private AuditJournal(final Path file, final FileChannel channel, final long seq, final String lastHash)
    {
        this.file = file;
        this.channel = channel;
        this.seq = seq;
        this.lastHash = lastHash;
    }

    public static AuditJournal open(final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE_NAME);
        try
        {
            Files.createDirectories(dataDir);
            final AuditVerifier.Result existing = AuditVerifier.verify(file);
            if (!existing.ok())
            {
                throw new IllegalStateException("audit journal " + file + " is " + existing.describe() +
                    ": keep it as evidence, move it aside, and start again (a new chain begins)");
            }
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
            if (existing.tornTail())
            {
                channel.truncate(validLength(file));
            }
            channel.position(channel.size());
            return new AuditJournal(file, channel, existing.records(), existing.lastHash());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot open the audit journal " + file, e);
        }
    }

    private static long validLength(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n')
        {
            end--;
        }
        return end;
    }

    /**
     * Appends one record and syncs it. @param body one JSON object on one line.
     * @return the record's sequence number.
     */
    public synchronized long append(final String body)
    {
        final long next = seq + 1;
        final String line = chain.line(next, body, lastHash);
        try
        {
            final ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(false);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot append to the audit journal " + file, e);
        }
        seq = next;
        lastHash = line.substring(line.lastIndexOf('\t') + 1);
        return next;
    }

    public synchronized long records()
    {
        return seq;
    }

    /** The hash of the last record: anchor it outside the machine to detect a rewrite of the whole chain. */
    public synchronized String lastHash()
    {
        return lastHash;
    }

    public Path file()
    {
        return file;
    }

    public synchronized void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
