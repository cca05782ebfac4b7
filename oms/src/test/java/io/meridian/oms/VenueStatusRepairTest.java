package io.meridian.oms;

import io.meridian.oms.TestSupport.Er;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A venue's status answer settles what its reports never brought (received by the session, not yet
 * journaled, at a kill -9: the venue never resends those): missed fills at the venue's average price,
 * a cancel done at the venue; and the first connect of a process asks about every open order.
 */
class VenueStatusRepairTest
{
    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void setUp()
    {
        h = new Harness(dir);
    }

    @AfterEach
    void tearDown()
    {
        h.close();
    }

    private void status(final String venueClOrdId, final OrdStatus status, final long cumQty, final long avgPx,
        final long leavesQty)
    {
        final VenueExecution e = h.execution(0, ExecType.ORDER_STATUS, venueClOrdId);
        e.ordStatus = status;
        e.cumQty = cumQty;
        e.leavesQty = leavesQty;
        e.lastPx = avgPx;
        h.submit(e);
    }

    @Test
    void fillsTheVenueReportsInItsStatusAreBookedAtThePriceThatMakesItsAverageOurs()
    {
        final String orderId = h.buy(1, "A", 10, 1_510_000);
        h.venue(ExecType.NEW, orderId + "-1");
        h.fill(orderId + "-1", "X1", 3, 1_500_000);

        // the venue executed 2 more at 1_500_150 (avg of 5: 1_500_060), a report we never got
        status(orderId + "-1", OrdStatus.PARTIALLY_FILLED, 5, 1_500_060, 5);
        final Er trade = h.reports.lastEr();
        assertThat(trade.execType()).isEqualTo(ExecType.TRADE);
        assertThat(trade.lastQty()).isEqualTo(2);
        assertThat(trade.lastPx()).isEqualTo(1_500_150);
        assertThat(trade.cumQty()).isEqualTo(5);
        assertThat(trade.avgPx()).isEqualTo(1_500_060);
        assertThat(h.order(orderId).cumQty()).isEqualTo(5);

        // the same status again books nothing more (one fill per level, deduplicated by its id)
        final int reports = h.reports.all.size();
        status(orderId + "-1", OrdStatus.PARTIALLY_FILLED, 5, 1_500_060, 5);
        assertThat(h.reports.all).hasSize(reports);
        assertThat(h.order(orderId).cumQty()).isEqualTo(5);

        // the rest filled at the venue: the order ends FILLED
        status(orderId + "-1", OrdStatus.FILLED, 10, 1_500_030, 0);
        assertThat(h.order(orderId).ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(h.reports.lastEr().lastQty()).isEqualTo(5);
        assertThat(h.reports.lastEr().lastPx()).isEqualTo(1_500_000);
    }

    @Test
    void aCancelTheVenueDidButNeverReportedEndsThePendingCancel()
    {
        final String orderId = h.buy(1, "A", 10, 1_510_000);
        h.venue(ExecType.NEW, orderId + "-1");
        h.submit(h.cancel(1, "C", "A"));
        assertThat(h.order(orderId).ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);

        status(orderId + "-2", OrdStatus.CANCELED, 0, 0, 0);
        final Er canceled = h.reports.lastEr();
        assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(canceled.clOrdId()).isEqualTo("C");
        assertThat(canceled.origClOrdId()).isEqualTo("A");
        assertThat(h.order(orderId).ordStatus()).isEqualTo(OrdStatus.CANCELED);
    }

    @Test
    void aQueryAboutARequestNotAnsweredNamesTheOrderAndTheRequest()
    {
        final String canceling = h.buy(1, "C1", 10, 1_510_000);
        h.venue(ExecType.NEW, canceling + "-1");
        h.submit(h.cancel(1, "C2", "C1"));
        final String replacing = h.buy(1, "R1", 10, 1_510_000);
        h.venue(ExecType.NEW, replacing + "-1");
        h.submit(h.replace(1, "R2", "R1", 12, 1_520_000));
        final String unacked = h.buy(1, "U", 10, 1_510_000);

        h.venues.sent.clear();
        h.sessionState(0, false);
        h.sessionState(0, true);

        // venues that cannot ask by a cancel's or replace's own id (crypto) ask about the order it acts on
        assertThat(h.venues.sent).filteredOn(v -> v.kind().equals("status"))
            .extracting(TestSupport.Vo::clOrdId, TestSupport.Vo::origClOrdId, TestSupport.Vo::queried,
                TestSupport.Vo::qty, TestSupport.Vo::price)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(canceling + "-2", canceling + "-1", VenueOrder.QUERIED_CANCEL, 10L,
                    1_510_000L),
                org.assertj.core.groups.Tuple.tuple(replacing + "-2", replacing + "-1", VenueOrder.QUERIED_REPLACE, 12L,
                    1_520_000L),
                org.assertj.core.groups.Tuple.tuple(unacked + "-1", "", VenueOrder.QUERIED_ORDER, 10L, 1_510_000L));
    }

    @Test
    void theFirstConnectOfAProcessAsksAboutEveryOpenOrderLaterOnesOnlyAboutOpenFates()
    {
        final String working = h.buy(1, "W", 10, 1_510_000);
        h.venue(ExecType.NEW, working + "-1");
        final String unacked = h.buy(1, "U", 10, 1_510_000);
        final String done = h.buy(1, "D", 10, 1_510_000);
        h.venue(ExecType.NEW, done + "-1");
        h.fill(done + "-1", "X1", 10, 1_500_000);

        h.venues.sent.clear();
        h.sessionState(0, true);
        assertThat(h.venues.sent).filteredOn(v -> v.kind().equals("status")).extracting(TestSupport.Vo::clOrdId)
            .containsExactlyInAnyOrder(working + "-1", unacked + "-1");

        h.venues.sent.clear();
        h.sessionState(0, false);
        h.sessionState(0, true);
        assertThat(h.venues.sent).filteredOn(v -> v.kind().equals("status")).extracting(TestSupport.Vo::clOrdId)
            .containsExactly(unacked + "-1");
    }
}
