package io.meridian.oms;

import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrderRejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A journal that cannot be written latches the OMS: new orders rejected with a reason, cancels still work. */
class JournalFailureTest
{
    @TempDir
    Path dir;

    @Test
    void appendFailureRejectsNewOrdersAndKeepsCancelsWorking() throws Exception
    {
        // the next segment cannot be created (a directory stands where its file would go): like a full disk at roll
        Files.createDirectories(dir.resolve("00000000000000000001.journal"));
        final List<Throwable> errors = new ArrayList<>();
        final OmsConfig config = new OmsConfig().journalDir(dir).maxOrders(1_000).ringCapacityBytes(1 << 16)
            .journalSegmentBytes(8 * 1024 + 64).errorHandler(errors::add);
        try (Harness h = new Harness(config, false))
        {
            final String working = h.buy(1, "W1", 10, 1_500_000);
            h.venue(ExecType.NEW, working + "-1");
            int orders = 0;
            while (!h.oms.metrics().isJournalFailed() && orders < 500)
            {
                h.buy(1, "F" + orders++, 1, 1_500_000);
            }
            assertThat(h.oms.metrics().isJournalFailed()).isTrue();
            assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).startsWith("ALERT journal append failed"));

            h.buy(1, "AFTER", 1, 1_500_000);
            assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.REJECTED);
            assertThat(h.reports.lastEr().rejectReason()).isEqualTo(OrderRejectReason.JOURNAL_UNAVAILABLE);
            assertThat(h.reports.lastEr().text()).contains("journal");

            h.submit(h.cancel(1, "X1", "W1"));
            assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
            h.venue(ExecType.CANCELED, working + "-2", working + "-1");
            assertThat(h.order(working).ordStatus()).isEqualTo(OrdStatus.CANCELED);
            assertThat(h.oms.metrics().unjournaledInputs()).isGreaterThanOrEqualTo(3);
        }
    }
}
