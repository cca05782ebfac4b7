package io.meridian.oms.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest
{
    @TempDir
    Path dir;

    private record Rec(int type, long sequence, long nanos, int outcome, String payload)
    {
    }

    private static List<Rec> readAll(final Journal journal)
    {
        final List<Rec> records = new ArrayList<>();
        journal.replay((type, sequence, nanos, outcome, buffer, offset, length) ->
            records.add(new Rec(type, sequence, nanos, outcome, buffer.getStringWithoutLengthAscii(offset, length))));
        return records;
    }

    private static void append(final Journal journal, final long sequence, final String payload)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[payload.length()]);
        buffer.putStringWithoutLengthAscii(0, payload);
        journal.append((int)(sequence % 7) + 1, sequence, sequence * 10, buffer, 0, payload.length());
    }

    @Test
    void roundTripAcrossReopen()
    {
        try (Journal journal = new Journal(dir, 4096))
        {
            append(journal, 1, "one");
            journal.patchOutcome(42);
            append(journal, 2, "");
            append(journal, 3, "three!!!");
            assertThat(readAll(journal)).containsExactly(
                new Rec(2, 1, 10, 42, "one"), new Rec(3, 2, 20, 0, ""), new Rec(4, 3, 30, 0, "three!!!"));
        }
        try (Journal journal = new Journal(dir, 4096))
        {
            assertThat(journal.recordCount()).isEqualTo(3);
            assertThat(journal.lastSequence()).isEqualTo(3);
            assertThat(journal.tornTailDetected()).isFalse();
            append(journal, 4, "four");
            assertThat(readAll(journal)).extracting(Rec::payload).containsExactly("one", "", "three!!!", "four");
        }
    }

    @Test
    void tornTailRecordIsIgnoredAndOverwritten() throws Exception
    {
        final int secondRecordEnd;
        try (Journal journal = new Journal(dir, 4096))
        {
            append(journal, 1, "first");
            append(journal, 2, "second-record");
            secondRecordEnd = journal.position();
        }
        // a crash in the middle of writing record 2: flip a payload byte so its checksum fails
        final Path segment = dir.resolve("00000000000000000000.journal");
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw"))
        {
            file.seek(secondRecordEnd - 8);
            file.write('X');
        }
        try (Journal journal = new Journal(dir, 4096))
        {
            assertThat(journal.tornTailDetected()).isTrue();
            assertThat(journal.recordCount()).isEqualTo(1);
            assertThat(journal.lastSequence()).isEqualTo(1);
            assertThat(readAll(journal)).extracting(Rec::payload).containsExactly("first");
            append(journal, 2, "2");
        }
        try (Journal journal = new Journal(dir, 4096))
        {
            assertThat(journal.tornTailDetected()).isFalse();
            assertThat(readAll(journal)).extracting(Rec::payload).containsExactly("first", "2");
        }
    }

    @Test
    void lengthRunningPastTheSegmentIsTorn() throws Exception
    {
        try (Journal journal = new Journal(dir, 4096))
        {
            append(journal, 1, "first");
            append(journal, 2, "second");
        }
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("00000000000000000000.journal").toFile(), "rw"))
        {
            file.seek(40);
            file.write(new byte[]{(byte)0xFF, (byte)0xFF, 0, 0}); // little endian length 65535
        }
        try (Journal journal = new Journal(dir, 4096))
        {
            assertThat(journal.recordCount()).isEqualTo(1);
            assertThat(journal.tornTailDetected()).isTrue();
        }
    }

    @Test
    void rollsOverToNewSegments() throws Exception
    {
        final String payload = "p".repeat(1000);
        try (Journal journal = new Journal(dir, 4096))
        {
            for (int i = 1; i <= 10; i++)
            {
                append(journal, i, payload + i);
            }
            assertThat(journal.segmentIndex()).isEqualTo(3);
        }
        try (var files = Files.list(dir))
        {
            assertThat(files.filter(f -> f.toString().endsWith(".journal")).count()).isEqualTo(4);
        }
        try (Journal journal = new Journal(dir, 4096))
        {
            assertThat(journal.recordCount()).isEqualTo(10);
            final List<Rec> records = readAll(journal);
            assertThat(records).extracting(Rec::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(records.get(9).payload()).isEqualTo(payload + 10);
            append(journal, 11, "eleven");
            assertThat(readAll(journal)).hasSize(11);
        }
    }

    @Test
    void corruptionBeforeTheLastSegmentFailsTheOpen() throws Exception
    {
        final String payload = "p".repeat(1000);
        try (Journal journal = new Journal(dir, 4096))
        {
            for (int i = 1; i <= 6; i++)
            {
                append(journal, i, payload);
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("00000000000000000000.journal").toFile(), "rw"))
        {
            file.seek(100);
            file.write('X');
        }
        assertThatThrownBy(() -> new Journal(dir, 4096)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("corrupt");
    }

    @Test
    void emptySegmentFileFromACrashDuringRolloverIsUsable() throws Exception
    {
        try (Journal journal = new Journal(dir, 4096))
        {
            append(journal, 1, "a");
        }
        Files.createFile(dir.resolve("00000000000000000001.journal"));
        // segment 0 has no padding, so this is not a clean roll: refuse
        assertThatThrownBy(() -> new Journal(dir, 4096)).isInstanceOf(IllegalStateException.class);
        Files.delete(dir.resolve("00000000000000000000.journal"));
        Files.move(dir.resolve("00000000000000000001.journal"), dir.resolve("00000000000000000000.journal"));
        try (Journal journal = new Journal(dir, 4096))
        {
            assertThat(journal.recordCount()).isZero();
            append(journal, 1, "b");
            assertThat(readAll(journal)).extracting(Rec::payload).containsExactly("b");
        }
    }
}
