package io.meridian.risk.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditJournalTest
{
    @TempDir
    Path dir;

    private Path writeRecords(final int count)
    {
        try (AuditJournal journal = AuditJournal.open(dir))
        {
            for (int i = 1; i <= count; i++)
            {
                assertThat(journal.append("{\"user\":\"ops" + i + "\",\"action\":\"POST /kill-switch\",\"new\":{\"killSwitch\":" +
                    (i % 2 == 0) + "}}")).isEqualTo(i);
            }
            return journal.file();
        }
    }

    @Test
    void anIntactChainVerifiesAndAReopenedJournalContinuesIt() throws Exception
    {
        final Path file = writeRecords(5);
        final AuditVerifier.Result first = AuditVerifier.verify(file);
        assertThat(first.ok()).isTrue();
        assertThat(first.records()).isEqualTo(5);

        try (AuditJournal journal = AuditJournal.open(dir))
        {
            assertThat(journal.records()).isEqualTo(5);
            assertThat(journal.lastHash()).isEqualTo(first.lastHash());
            assertThat(journal.append("{\"user\":\"admin\"}")).isEqualTo(6);
        }
        final AuditVerifier.Result second = AuditVerifier.verify(file);
        assertThat(second.ok()).isTrue();
        assertThat(second.records()).isEqualTo(6);
    }

    @Test
    void changingAnySingleByteIsDetectedAtTheRecordThatHoldsIt() throws Exception
    {
        final Path file = writeRecords(8);
        final byte[] original = Files.readAllBytes(file);
        final Random random = new Random(20261202L);
        int checked = 0;
        for (int position = 0; position < original.length; position++)
        {
            if (original[position] == '\n')
            {
                continue;
            }
            final byte[] tampered = original.clone();
            byte replacement;
            do
            {
                replacement = (byte)(' ' + random.nextInt(95));
            }
            while (replacement == original[position]);
            tampered[position] = replacement;
            Files.write(file, tampered);

            final AuditVerifier.Result result = AuditVerifier.verify(file);
            assertThat(result.ok()).as("byte %d changed", position).isFalse();
            assertThat(result.firstBrokenLine()).as("byte %d changed", position).isEqualTo(lineOf(original, position));
            checked++;
        }
        assertThat(checked).isGreaterThan(500);
        Files.write(file, original);
        assertThat(AuditVerifier.verify(file).ok()).isTrue();
    }

    @Test
    void aRemovedOrReorderedRecordIsDetected() throws Exception
    {
        final Path file = writeRecords(4);
        final String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");

        Files.writeString(file, lines[0] + "\n" + lines[2] + "\n" + lines[3] + "\n");
        assertThat(AuditVerifier.verify(file).firstBrokenLine()).isEqualTo(2);
        assertThat(AuditVerifier.verify(file).problem()).contains("sequence number 3 where 2 was due");

        Files.writeString(file, lines[0] + "\n" + lines[1] + "\n" + lines[3] + "\n" + lines[2] + "\n");
        assertThat(AuditVerifier.verify(file).firstBrokenLine()).isEqualTo(3);
    }

    @Test
    void aBrokenChainRefusesToBeContinued() throws Exception
    {
        final Path file = writeRecords(3);
        final String content = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, content.replace("ops2", "ops9"));
        assertThatThrownBy(() -> AuditJournal.open(dir)).hasMessageContaining("BROKEN at line 2");
    }

    @Test
    void aLastLineCutByACrashIsDroppedAndTheChainContinues() throws Exception
    {
        final Path file = writeRecords(3);
        final byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
        assertThat(AuditVerifier.verify(file).ok()).isTrue();
        assertThat(AuditVerifier.verify(file).tornTail()).isTrue();

        try (AuditJournal journal = AuditJournal.open(dir))
        {
            assertThat(journal.append("{\"user\":\"after-crash\"}")).isEqualTo(3);
        }
        final AuditVerifier.Result result = AuditVerifier.verify(file);
        assertThat(result.ok()).isTrue();
        assertThat(result.records()).isEqualTo(3);
        assertThat(result.tornTail()).isFalse();
    }

    private static long lineOf(final byte[] content, final int position)
    {
        long line = 1;
        for (int i = 0; i < position; i++)
        {
            if (content[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }
}
