package io.meridian.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive ownership of a data directory for the life of the process, by an OS file lock
 * ({@code meridian.lock}), which the kernel releases when the owner dies, SIGKILL included. Holding it
 * proves that no live process uses the directory, so the mark files a killed owner left behind
 * (Aeron's archive marks itself active and refuses to start for ~10 s after its owner died) can be
 * removed at once instead of waiting them out. Failing to get it means another live Meridian runs on
 * the directory: refuse to start, naming it.
 */
public final class DataDirectoryLock implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryLock.class);
    static final String FILE_NAME = "meridian.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when a live process (this one included) holds the directory. */
    public static DataDirectoryLock acquire(final Path dataDir)
    {
        final Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try
        {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (lock == null)
            {
                final String owner = Files.readString(file, StandardCharsets.US_ASCII).trim();
                channel.close();
                throw new IllegalStateException("data directory " + dataDir.toAbsolutePath() +
                    " is in use by another running Meridian (" + owner + "): stop it, or start with another data-dir");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(
                ("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirectoryLock(channel, lock);
        }
        catch (final OverlappingFileLockException e)
        {
            closeQuietly(channel);
            throw new IllegalStateException("data directory " + dataDir.toAbsolutePath() +
                " is already in use by this process", e);
        }
        catch (final IOException e)
        {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
    }

    /** Deletes a mark file left by a dead owner; only meaningful while the lock is held. */
    public void removeStaleMarkFile(final Path markFile)
    {
        try
        {
            if (Files.deleteIfExists(markFile))
            {
                LOG.warn("event=stale_mark_file_removed file={} reason=previous_owner_dead", markFile);
            }
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("cannot remove stale mark file " + markFile + ": " + e, e);
        }
    }

    public void close()
    {
        try
        {
            lock.release();
        }
        catch (final IOException e)
        {
            LOG.warn("event=data_dir_unlock_failed error=\"{}\"", e.toString());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // closing after a failure: the failure is what is reported
            }
        }
    }
}
