package io.meridian.risk.audit;

import io.meridian.oms.journal.Journal;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anchors of the order journal in the audit chain: the newest record (its outcome may still be
 * patched) waits for the next anchor, rolled segments are anchored whole, and a changed byte of an
 * anchored record, outcome (risk decision) included, is found by the verifier.
 */
class JournalAnchorTest
{
    @TempDir
    Path dataDir;

    private static void append(final Journal journal, final long sequence, final int outcome)
    {
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[40]);
        payload.putLong(0, sequence * 31);
        journal.append(1, sequence, 1_000 + sequence, payload, 0, 40);
        journal.patchOutcome(outcome);
    }

    @Test
    void theNewestRecordWaitsAndATamperedRecordIsFound() throws Exception
    {
        final Path dir = dataDir.resolve("journal");
        try (Journal journal = new Journal(dir, 4096);
            AuditJournal audit = AuditJournal.open(dataDir))
        {
            assertThat(JournalAnchor.next(dir, 0, 0)).as("nothing written").isNull();
            append(journal, 1, 0x101);
            assertThat(JournalAnchor.next(dir, 0, 0)).as("only the newest record").isNull();
            append(journal, 2, 0x102);
            append(journal, 3, 0x103);
            final JournalAnchor.Range first = JournalAnchor.next(dir, 0, 0);
            assertThat(first.records()).isEqualTo(2);
            assertThat(first.to()).isEqualTo(2 * 72);
            record(audit, first);
            // enough records to roll into later segments: each range ends at a roll or before the newest record
            for (long s = 4; s <= 150; s++)
            {
                append(journal, s, (int)s);
            }
            int segment = first.segment();
            long offset = first.to();
            long anchoredRecords = first.records();
            JournalAnchor.Range range;
            while ((range = JournalAnchor.next(dir, segment, offset)) != null)
            {
                record(audit, range);
                segment = range.segment();
                offset = range.to();
                anchoredRecords += range.records();
            }
            assertThat(segment).isGreaterThan(1);
            assertThat(anchoredRecords).isEqualTo(149);
            journal.flush();
        }
        final Path auditFile = dataDir.resolve(AuditJournal.FILE_NAME);
        assertThat(AuditVerifier.verifyWithJournal(auditFile).ok()).isTrue();

        // the risk decision of record 2 (its outcome) changed after the fact
        try (RandomAccessFile segment0 = new RandomAccessFile(JournalAnchor.segmentPath(dataDir.resolve("journal"), 0).toFile(), "rw"))
        {
            segment0.seek(72 + 4);
            segment0.write(0x7F);
        }
        final AuditVerifier.Result tampered = AuditVerifier.verifyWithJournal(auditFile);
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.firstBrokenLine()).isEqualTo(1);
        assertThat(tampered.problem()).contains("segment 0 bytes [0, 144)");
        assertThat(AuditVerifier.verify(auditFile).ok()).as("the chain itself is intact").isTrue();
    }

    private static void record(final AuditJournal audit, final JournalAnchor.Range range)
    {
        audit.append("{\"action\":\"ANCHOR /journal\",\"new\":{\"segment\":" + range.segment() + ",\"from\":" +
            range.from() + ",\"to\":" + range.to() + ",\"records\":" + range.records() + ",\"sha256\":\"" +
            range.sha256() + "\"}}");
    }
}
