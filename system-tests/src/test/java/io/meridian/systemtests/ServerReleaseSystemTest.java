package io.meridian.systemtests;

import io.meridian.admin.MeridianServer;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.ref.WeakReference;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closed server leaves nothing behind that keeps it: an embedding application (or a test JVM)
 * that starts and stops Meridian several times must not accumulate dead servers, each with its
 * sequencer's rings and the state projection's slots (tens of MB).
 */
@Timeout(90)
class ServerReleaseSystemTest
{
    @Test
    void aClosedServerIsGarbageCollected(@TempDir final Path dir) throws Exception
    {
        final WeakReference<MeridianServer> server;
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).build()).start())
        {
            server = startAndClose(dir.resolve("meridian"), venue.port());
        }
        for (int i = 0; i < 50 && server.get() != null; i++)
        {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(server.get()).as("the closed server, still reachable").isNull();
    }

    private static WeakReference<MeridianServer> startAndClose(final Path dataDir, final int venuePort)
        throws InterruptedException
    {
        try (MeridianTestServer meridian = new MeridianTestServer(dataDir, venuePort).start().awaitVenueConnected())
        {
            return new WeakReference<>(meridian.server());
        }
    }
}
