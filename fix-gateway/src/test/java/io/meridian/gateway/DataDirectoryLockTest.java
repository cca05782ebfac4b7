package io.meridian.gateway;

import io.aeron.archive.ArchiveMarkFile;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.co.real_logic.artio.library.SessionAcquireHandler;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A data directory whose owner died (kill -9) still holds the owner's archive mark file, marked active
 * for about ten seconds: the next start recovers at once, while a directory used by a live runtime is
 * refused with a reason.
 */
@Timeout(120)
class DataDirectoryLockTest
{
    @Test
    void startsAtOnceOnADirectoryWhoseArchiveMarkFileALiveLookingDeadOwnerLeft(@TempDir final Path dir)
        throws Exception
    {
        final Path live = dir.resolve("live");
        final Path crashed = dir.resolve("crashed");
        final FixRuntime first = start(live);
        try
        {
            // what a SIGKILL leaves: the mark file of an archive that was running a moment ago
            Files.createDirectories(crashed.resolve("archive"));
            Files.copy(live.resolve("archive").resolve(ArchiveMarkFile.FILENAME),
                crashed.resolve("archive").resolve(ArchiveMarkFile.FILENAME), StandardCopyOption.REPLACE_EXISTING);
        }
        finally
        {
            stop(first);
        }

        final FixRuntime second = start(crashed);
        stop(second);
    }

    @Test
    void refusesADirectoryALiveRuntimeUses(@TempDir final Path dir) throws Exception
    {
        final FixRuntime first = start(dir);
        try
        {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
        }
        finally
        {
            stop(first);
        }
        DataDirectoryLock.acquire(dir).close();
    }

    private static FixRuntime start(final Path dataDir) throws IOException
    {
        final FixRuntime runtime = new FixRuntime(new FixRuntimeConfig()
            .dataDir(dataDir)
            .bindHost("localhost")
            .port(freePort())
            .transientSequenceNumbers(true)
            .deleteOnClose(true), new SystemEpochNanoClock());
        runtime.start(AuthenticationStrategy.none(), new NoClients(), (session, info) -> null);
        runtime.openAcceptor();
        assertThat(runtime.library().isConnected()).isTrue();
        return runtime;
    }

    private static void stop(final FixRuntime runtime)
    {
        runtime.closeLibrary();
        runtime.close();
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static final class NoClients implements AcceptorSessions
    {
        public boolean isClientSession(final Session session)
        {
            return false;
        }

        public SessionHandler onSessionAcquired(final Session session, final SessionAcquiredInfo acquiredInfo)
        {
            return null;
        }
    }
}
