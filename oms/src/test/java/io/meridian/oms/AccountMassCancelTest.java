package io.meridian.oms;

import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account level of the kill switch: the journaled mass cancel carries the account's name, cancels only
 * the open orders carrying that FIX Account, and replays to the same state.
 */
class AccountMassCancelTest
{
    @TempDir
    Path dir;

    @Test
    void cancelsOnlyTheAccountsOpenOrdersAndReplaysTheSame()
    {
        final long hash;
        final String mine;
        final String other;
        try (Harness h = new Harness(dir))
        {
            // the harness's orders carry Account "ACC" + clientId
            mine = h.buy(1, "A1", 10, 1_500_000);
            h.venue(ExecType.NEW, mine + "-1");
            other = h.buy(2, "B1", 10, 1_500_000);
            h.venue(ExecType.NEW, other + "-1");
            final int sentBefore = h.venues.sent.size();

            h.massCancelAccount("ACC1");

            assertThat(h.venues.sent.subList(sentBefore, h.venues.sent.size()))
                .extracting(TestSupport.Vo::kind, TestSupport.Vo::account)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cancel", "ACC1"));
            assertThat(h.order(mine).ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
            assertThat(h.order(other).ordStatus()).isEqualTo(OrdStatus.NEW);
            assertThat(h.reports.lastEr().clOrdId()).isEqualTo("A1");
            assertThat(h.reports.lastEr().execType()).isEqualTo(ExecType.PENDING_CANCEL);

            h.massCancelAccount("NOBODY");
            assertThat(h.venues.sent).hasSize(sentBefore + 1);
            hash = h.stateHash();
        }
        try (Harness replayed = new Harness(dir))
        {
            assertThat(replayed.stateHash()).isEqualTo(hash);
            assertThat(replayed.order(mine).ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
            assertThat(replayed.order(other).ordStatus()).isEqualTo(OrdStatus.NEW);
            assertThat(replayed.venues.sent).as("replay sends nothing").isEmpty();
        }
    }
}
