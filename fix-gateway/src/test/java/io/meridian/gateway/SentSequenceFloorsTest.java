package io.meridian.gateway;

import io.aeron.Aeron;
import io.aeron.Counter;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SentSequenceFloorsTest
{
    @TempDir
    Path dir;

    @Test
    void readsEachSessionsLastSentNumberFromTheDriversCounters()
    {
        final File aeronDir = dir.resolve("aeron").toFile();
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.getAbsolutePath())
            .threadingMode(ThreadingMode.SHARED)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            // labels as Artio's FixCounters writes them
            Counter online = aeron.addCounter(SentSequenceFloors.SENT_MSG_SEQ_NO_TYPE_ID, "Last Sent MsgSeqNo connId=3,sessId=7");
            Counter offline = aeron.addCounter(SentSequenceFloors.SENT_MSG_SEQ_NO_TYPE_ID, "Last Sent MsgSeqNo sessId=7");
            Counter other = aeron.addCounter(SentSequenceFloors.SENT_MSG_SEQ_NO_TYPE_ID, "Last Sent MsgSeqNo connId=4,sessId=9");
            Counter received = aeron.addCounter(10_005, "Last Received MsgSeqNo connId=3,sessId=8"))
        {
            online.setOrdered(41);
            offline.setOrdered(12);
            other.setOrdered(5);
            received.setOrdered(99);

            // the file a killed process leaves is the one a running one has: read it in place
            final SentSequenceFloors floors = SentSequenceFloors.readDeadDriver(aeronDir);

            assertThat(floors.isEmpty()).isFalse();
            assertThat(floors.nextSafeSeqNum(7)).as("the highest of the session's counters, +1 in flight, +1 next")
                .isEqualTo(43);
            assertThat(floors.nextSafeSeqNum(9)).isEqualTo(7);
            assertThat(floors.nextSafeSeqNum(8)).as("received counters do not count").isZero();
        }
    }

    @Test
    void noFloorsWithoutADeadDriversFile()
    {
        final SentSequenceFloors floors = SentSequenceFloors.readDeadDriver(dir.resolve("none").toFile());
        assertThat(floors.isEmpty()).isTrue();
        assertThat(floors.nextSafeSeqNum(1)).isZero();
    }

    @Test
    void parsesTheSessionIdOfArtiosLabels()
    {
        assertThat(SentSequenceFloors.sessionId("Last Sent MsgSeqNo connId=12,sessId=345")).isEqualTo(345);
        assertThat(SentSequenceFloors.sessionId("Last Sent MsgSeqNo sessId=6")).isEqualTo(6);
        assertThat(SentSequenceFloors.sessionId("Last Sent MsgSeqNo connId=12")).isEqualTo(-1);
        assertThat(SentSequenceFloors.sessionId("Last Sent MsgSeqNo sessId=")).isEqualTo(-1);
    }
}
