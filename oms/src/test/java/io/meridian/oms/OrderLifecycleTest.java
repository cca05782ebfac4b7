package io.meridian.oms;

import io.meridian.oms.TestSupport.Cr;
import io.meridian.oms.TestSupport.Er;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLifecycleTest
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

    private String ackedBuy(final String clOrdId, final long qty)
    {
        final String orderId = h.buy(1, clOrdId, qty, 1_500_000);
        h.venue(ExecType.NEW, orderId + "-1");
        return orderId;
    }

    @Test
    void newOrderIsPendingNewThenNewOnVenueAck()
    {
        final String orderId = h.buy(1, "A", 100, 1_500_000);
        assertThat(orderId).isEqualTo("1");
        final Er pending = h.reports.lastEr();
        assertThat(pending.execType()).isEqualTo(ExecType.PENDING_NEW);
        assertThat(pending.ordStatus()).isEqualTo(OrdStatus.PENDING_NEW);
        assertThat(pending.leavesQty()).isEqualTo(100);
        assertThat(pending.execId()).isEqualTo("E1");
        assertThat(pending.clOrdId()).isEqualTo("A");
        assertThat(pending.account()).isEqualTo("ACC1");
        assertThat(pending.symbol()).isEqualTo("AAPL");
                assertThat(pending.transactTimeNanos()).isEqualTo(h.clock.nanos);

        final TestSupport.Vo child = h.venues.last();
        assertThat(child.kind()).isEqualTo("new");
        assertThat(child.clOrdId()).isEqualTo("1-1");
        assertThat(child.qty()).isEqualTo(100);
        assertThat(child.price()).isEqualTo(1_500_000);
        assertThat(child.venueId()).isEqualTo(0);

        h.venue(ExecType.NEW, "1-1");
        final Er ack = h.reports.lastEr();
        assertThat(ack.execType()).isEqualTo(ExecType.NEW);
        assertThat(ack.ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(ack.execId()).isEqualTo("E2");
        assertThat(h.order("1").venueOrderId()).isEqualTo("V-1");
        assertThat(h.order("1").venueClOrdId()).isEqualTo("1-1");
    }

    @Test
    void dialectFieldsTravelToTheVenueAndBackAndSurviveReplay()
    {
        final NewOrderCommand order = h.newOrder(1, "A", TestSupport.EQUITY, Side.BUY, 100, 1_500_000);
        order.customFields.append("7001=VWAP\u00017002=DESK9\u0001");
        h.submit(order);
        assertThat(h.venues.last().customFields()).isEqualTo("7001=VWAP\u00017002=DESK9\u0001");
        assertThat(h.reports.lastEr().customFields()).as("not echoed on Meridian's own reports").isEmpty();

        final VenueExecution fill = h.execution(0, ExecType.TRADE, "1-1");
        fill.venueExecId.append("X1");
        fill.lastQty = 100;
        fill.lastPx = 1_500_000;
        fill.customFields.append("851=1\u0001");
        h.submit(fill);
        assertThat(h.reports.lastEr().execType()).isEqualTo(ExecType.TRADE);
        assertThat(h.reports.lastEr().customFields()).isEqualTo("851=1\u0001");

        // the next report, caused by something else, does not inherit the venue's fields
        h.status(1, "A", "1", "S1");
        assertThat(h.reports.lastEr().customFields()).isEmpty();

        final long hash = h.stateHash();
        final int sentBefore = h.venues.sent.size();
        h.close();
        h = new Harness(dir);
        assertThat(h.stateHash()).isEqualTo(hash);
        assertThat(h.venues.sent.size()).as("replay sends nothing").isZero();
        assertThat(sentBefore).isEqualTo(1);
    }

    private void assertRejected(final OrderRejectReason reason)
    {
        final Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(er.rejectReason()).isEqualTo(reason);
        assertThat(er.text()).isEqualTo(reason.text());
        assertThat(er.cumQty()).isZero();
        assertThat(er.leavesQty()).isZero();
        final OrderSnapshot snapshot = h.order(er.orderId());
        assertThat(snapshot.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(snapshot.rejectReason()).isEqualTo(reason);
        assertThat(h.oms.metrics().rejects(reason)).isEqualTo(1);
    }

    @Test
    void rejectsNewOrdersInOrderOfChecks()
    {
        final NewOrderCommand edge = h.newOrder(1, "E1", TestSupport.EQUITY, Side.BUY, 10, 1);
        edge.edgeReject = OrderRejectReason.PRICE_PRECISION;
        h.submit(edge);
        assertRejected(OrderRejectReason.PRICE_PRECISION);

        h.submit(h.newOrder(1, "U1", null, Side.BUY, 10, 1));
        assertRejected(OrderRejectReason.UNKNOWN_SYMBOL);
        assertThat(h.reports.lastEr().symbol()).isEqualTo("NOPE");

        h.submit(h.newOrder(1, "R1", TestSupport.EQUITY, Side.BUY, 1001, 1));
        assertRejected(OrderRejectReason.QTY_EXCEEDS_MAX);

        h.venues.connected[0] = false;
        h.submit(h.newOrder(1, "V1", TestSupport.EQUITY, Side.BUY, 10, 1));
        assertRejected(OrderRejectReason.VENUE_UNAVAILABLE);
        h.venues.connected[0] = true;

        assertThat(h.venues.sent).isEmpty();
        assertThat(h.reports.all).hasSize(4);
        assertThat(h.reports.all).extracting(r -> ((Er)r).orderId()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void sendFailureRejectsAfterPendingNew()
    {
        h.venues.sendOk = false;
        h.buy(1, "A", 10, 1_500_000);
        assertThat(h.reports.all).hasSize(2);
        assertThat(((Er)h.reports.all.get(0)).execType()).isEqualTo(ExecType.PENDING_NEW);
        assertRejected(OrderRejectReason.VENUE_SEND_FAILED);
    }

    @Test
    void duplicateClOrdIdOnNewOrderIsRejectedButGetsAnOrderId()
    {
        h.buy(1, "A", 10, 1_500_000);
        h.buy(1, "A", 10, 1_500_000);
        assertRejected(OrderRejectReason.DUPLICATE_CLORDID);
        assertThat(h.reports.lastEr().orderId()).isEqualTo("2");
        assertThat(OrderRejectReason.DUPLICATE_CLORDID.fixOrdRejReason()).isEqualTo(6);
        // another client may use the same ClOrdID
        h.buy(2, "A", 10, 1_500_000);
        assertThat(h.reports.lastEr().execType()).isEqualTo(ExecType.PENDING_NEW);
        // rejected ClOrdIDs are used too
        h.buy(1, "B", 0, 1_500_000);
        h.buy(1, "B", 10, 1_500_000);
        assertThat(h.reports.lastEr().rejectReason()).isEqualTo(OrderRejectReason.DUPLICATE_CLORDID);
    }

    @Test
    void fillsAccumulateWithHalfEvenAveragePrice()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 1, 1_000_001);
        Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.TRADE);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(er.lastQty()).isEqualTo(1);
        assertThat(er.lastPx()).isEqualTo(1_000_001);
        assertThat(er.avgPx()).isEqualTo(1_000_001);
        h.fill(id + "-1", "X2", 1, 1_000_002);
        assertThat(h.reports.lastEr().avgPx()).isEqualTo(1_000_002); // 1000001.5 -> even
        h.fill(id + "-1", "X3", 2, 1_000_000);
        assertThat(h.reports.lastEr().avgPx()).isEqualTo(1_000_001); // 4000005/4 = 1000001.25
        h.fill(id + "-1", "X4", 6, 1_000_000);
        er = h.reports.lastEr();
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(er.cumQty()).isEqualTo(10);
        assertThat(er.leavesQty()).isZero();
        assertThat(er.avgPx()).isEqualTo(1_000_000); // 10000003/10
        assertThat(h.fills.fills).hasSize(4).first().isEqualTo("ACC1|AAPL|BUY|1@1000001|0|X1");
        assertThat(h.risk.trades).containsExactly(1_000_001L, 1_000_002L, 1_000_000L, 1_000_000L);
        assertThat(h.oms.metrics().fills()).isEqualTo(4);
    }

    @Test
    void averagePriceIsExactBeyond64Bits()
    {
        assertThat(OrderStateMachine.averagePrice(0, 7, 2)).isEqualTo(4);
        assertThat(OrderStateMachine.averagePrice(0, 5, 2)).isEqualTo(2);
        // (2^64 + 2) / 2 = 2^63 + 1 does not fit; 3 * 2^62 / 2 does
        assertThat(OrderStateMachine.averagePrice(0, Long.MIN_VALUE | (1L << 62), 2)).isEqualTo(3L << 61);
        assertThat(OrderStateMachine.averagePrice(1, 0, 4)).isEqualTo(1L << 62);
    }

    @Test
    void duplicateAndUnknownVenueEventsAreCountedAndIgnored()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 3, 1_500_000);
        final int reports = h.reports.all.size();
        h.fill(id + "-1", "X1", 3, 1_500_000);
        assertThat(h.reports.all).hasSize(reports);
        assertThat(h.oms.metrics().duplicateFillsIgnored()).isEqualTo(1);
        assertThat(h.order(id).cumQty()).isEqualTo(3);

        h.fill("99-1", "X2", 3, 1_500_000);
        h.fill(id + "-7", "X3", 3, 1_500_000);
        h.fill("garbage", "X4", 3, 1_500_000);
        final var wrongVenue = h.execution(1, ExecType.TRADE, id + "-1");
        wrongVenue.venueExecId.append("X5");
        wrongVenue.lastQty = 1;
        wrongVenue.lastPx = 1;
        h.submit(wrongVenue);
        h.venueCancelReject(0, id + "-1", "", "nope");
        assertThat(h.reports.all).hasSize(reports);
        assertThat(h.oms.metrics().unknownVenueEvents()).isEqualTo(5);
        assertThat(h.order(id).cumQty()).isEqualTo(3);
    }

    @Test
    void venueRefusingACancelWithAnExecutionReportRejectLeavesTheOrderWorking()
    {
        final String id = ackedBuy("A", 10);
        h.submit(h.cancel(1, "B", "A"));
        final var refused = h.execution(0, ExecType.REJECTED, id + "-2");
        refused.origClOrdId.append(id + "-1");
        refused.text.append("cannot cancel now");
        h.submit(refused);

        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.VENUE_REJECTED);
        assertThat(h.reports.lastCr().text()).isEqualTo("cannot cancel now");
        assertThat(h.order(id).ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(h.order(id).pendingClOrdId()).isEmpty();
    }

    @Test
    void overfillIsAppliedAndCounted()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 12, 1_500_000);
        final Er er = h.reports.lastEr();
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(er.cumQty()).isEqualTo(12);
        assertThat(er.leavesQty()).isZero();
        assertThat(h.oms.metrics().overfills()).isEqualTo(1);
    }

    @Test
    void lateNewAfterFillOnlyRecordsVenueOrderId()
    {
        final String id = h.buy(1, "A", 10, 1_500_000);
        h.fill(id + "-1", "X1", 4, 1_500_000);
        assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        final int reports = h.reports.all.size();
        h.venue(ExecType.NEW, id + "-1");
        assertThat(h.reports.all).hasSize(reports);
        assertThat(h.order(id).venueOrderId()).isEqualTo("V-" + id);
        assertThat(h.order(id).ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
    }

    @Test
    void cancelIsPendingThenCanceledWithTheCancelClOrdId()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 4, 1_500_000);
        h.submit(h.cancel(1, "B", "A"));
        Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
        assertThat(er.clOrdId()).isEqualTo("B");
        assertThat(er.origClOrdId()).isEqualTo("A");
        final TestSupport.Vo cancel = h.venues.last();
        assertThat(cancel.kind()).isEqualTo("cancel");
        assertThat(cancel.clOrdId()).isEqualTo(id + "-2");
        assertThat(cancel.origClOrdId()).isEqualTo(id + "-1");
        assertThat(cancel.venueOrderId()).isEqualTo("V-" + id);

        h.venue(ExecType.CANCELED, id + "-2", id + "-1");
        er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(er.clOrdId()).isEqualTo("B");
        assertThat(er.origClOrdId()).isEqualTo("A");
        assertThat(er.cumQty()).isEqualTo(4);
        assertThat(er.leavesQty()).isZero();
        assertThat(h.order(id).clOrdId()).isEqualTo("B");
        assertThat(h.order(id).origClOrdId()).isEqualTo("A");
        assertThat(h.get(h.oms.queries().openOrders())).isEmpty();
    }

    @Test
    void cancelOfUnknownOrder()
    {
        h.submit(h.cancel(1, "B", "nope"));
        final Cr cr = h.reports.lastCr();
        assertThat(cr.reason()).isEqualTo(CancelRejectReason.UNKNOWN_ORDER);
        assertThat(cr.orderId()).isEqualTo("NONE");
        assertThat(cr.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(cr.clOrdId()).isEqualTo("B");
        assertThat(cr.origClOrdId()).isEqualTo("nope");
        assertThat(cr.replace()).isFalse();
        // another client's order is unknown to this client
        h.buy(2, "X", 10, 1_500_000);
        h.submit(h.cancel(1, "C", "X"));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.UNKNOWN_ORDER);
        assertThat(h.oms.metrics().cancelRejects(CancelRejectReason.UNKNOWN_ORDER)).isEqualTo(2);
    }

    @Test
    void cancelOfFilledOrderIsTooLate()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 10, 1_500_000);
        h.submit(h.cancel(1, "B", "A"));
        final Cr cr = h.reports.lastCr();
        assertThat(cr.reason()).isEqualTo(CancelRejectReason.TOO_LATE_TO_CANCEL);
        assertThat(cr.ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(cr.orderId()).isEqualTo(id);
        assertThat(cr.account()).isEqualTo("ACC1");
        // rejected orders are done too
        h.buy(1, "R", 0, 1);
        h.submit(h.cancel(1, "R2", "R"));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.TOO_LATE_TO_CANCEL);
        assertThat(h.reports.lastCr().ordStatus()).isEqualTo(OrdStatus.REJECTED);
    }

    @Test
    void secondRequestWhilePendingIsRejected()
    {
        ackedBuy("A", 10);
        h.submit(h.cancel(1, "B", "A"));
        h.submit(h.cancel(1, "C", "A"));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.ALREADY_PENDING);
        assertThat(h.reports.lastCr().ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
        h.submit(h.replace(1, "D", "A", 20, 1_500_000));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.ALREADY_PENDING);
        assertThat(h.reports.lastCr().replace()).isTrue();
    }

    @Test
    void duplicateClOrdIdOnCancelAndReplace()
    {
        ackedBuy("A", 10);
        h.buy(1, "Z", 10, 1_500_000);
        h.submit(h.cancel(1, "Z", "A"));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.DUPLICATE_CLORDID);
        assertThat(h.reports.lastCr().orderId()).isEqualTo("1");
        h.submit(h.replace(1, "A", "A", 20, 1_500_000));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.DUPLICATE_CLORDID);
        assertThat(h.reports.lastCr().replace()).isTrue();
        assertThat(h.order("1").ordStatus()).isEqualTo(OrdStatus.NEW);
        // a ClOrdID of a rejected cancel counts as used as well
        h.submit(h.cancel(1, "Q", "nope"));
        h.buy(1, "Q", 10, 1_500_000);
        assertThat(h.reports.lastEr().rejectReason()).isEqualTo(OrderRejectReason.DUPLICATE_CLORDID);
    }

    @Test
    void mismatchedOrderIdSideOrSymbol()
    {
        ackedBuy("A", 10);
        final var byOrderId = h.cancel(1, "B", "A");
        byOrderId.orderId.append("2");
        h.submit(byOrderId);
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.ORDER_MISMATCH);
        final var bySide = h.cancel(1, "C", "A");
        bySide.side = Side.SELL;
        h.submit(bySide);
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.ORDER_MISMATCH);
        final ReplaceOrderCommand bySymbol = h.replace(1, "D", "A", 20, 1_500_000);
        bySymbol.symbol.append("MSFT");
        h.submit(bySymbol);
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.ORDER_MISMATCH);
        final var matching = h.cancel(1, "E", "A");
        matching.orderId.append("1");
        matching.side = Side.BUY;
        matching.symbol.append("AAPL");
        h.submit(matching);
        assertThat(h.reports.lastEr().execType()).isEqualTo(ExecType.PENDING_CANCEL);
    }

    @Test
    void cancelWhenVenueDownOrSendFails()
    {
        final String id = ackedBuy("A", 10);
        h.venues.connected[0] = false;
        h.submit(h.cancel(1, "B", "A"));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.VENUE_UNAVAILABLE);
        h.venues.connected[0] = true;
        h.venues.sendOk = false;
        final int before = h.reports.all.size();
        h.submit(h.cancel(1, "C", "A"));
        final List<Object> out = h.reports.all.subList(before, h.reports.all.size());
        assertThat(out).hasSize(2);
        assertThat(((Er)out.get(0)).execType()).isEqualTo(ExecType.PENDING_CANCEL);
        final Cr cr = (Cr)out.get(1);
        assertThat(cr.reason()).isEqualTo(CancelRejectReason.VENUE_UNAVAILABLE);
        assertThat(cr.clOrdId()).isEqualTo("C");
        assertThat(cr.origClOrdId()).isEqualTo("A");
        assertThat(cr.ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(h.order(id).ordStatus()).isEqualTo(OrdStatus.NEW);
        h.venues.sendOk = true;
        h.submit(h.cancel(1, "D", "A"));
        assertThat(h.venues.last().clOrdId()).isEqualTo(id + "-3"); // child ids are never reused
    }

    @Test
    void replaceIsPendingThenReplaced()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 4, 1_500_000);
        h.submit(h.replace(1, "B", "A", 20, 1_510_000));
        Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.PENDING_REPLACE);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PENDING_REPLACE);
        assertThat(er.clOrdId()).isEqualTo("B");
        assertThat(er.origClOrdId()).isEqualTo("A");
        final TestSupport.Vo replace = h.venues.last();
        assertThat(replace.kind()).isEqualTo("replace");
        assertThat(replace.clOrdId()).isEqualTo(id + "-2");
        assertThat(replace.origClOrdId()).isEqualTo(id + "-1");
        assertThat(replace.qty()).isEqualTo(20);
        assertThat(replace.price()).isEqualTo(1_510_000);

        h.fill(id + "-1", "X2", 2, 1_500_000);
        er = h.reports.lastEr();
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PENDING_REPLACE);
        assertThat(er.leavesQty()).isEqualTo(4);

        h.venue(ExecType.REPLACED, id + "-2", id + "-1");
        er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.REPLACED);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(er.clOrdId()).isEqualTo("B");
        assertThat(er.origClOrdId()).isEqualTo("A");
        assertThat(er.orderQty()).isEqualTo(20);
        assertThat(er.price()).isEqualTo(1_510_000);
        assertThat(er.cumQty()).isEqualTo(6);
        assertThat(er.leavesQty()).isEqualTo(14);

        // the old ClOrdID no longer addresses the order
        h.submit(h.cancel(1, "C", "A"));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.UNKNOWN_ORDER);
        assertThat(h.reports.lastCr().text()).isEqualTo(OrderStateMachine.NOT_CURRENT_TEXT);
        // fills now come on the new child
        h.fill(id + "-2", "X3", 14, 1_510_000);
        assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(h.reports.lastEr().clOrdId()).isEqualTo("B");
    }

    @Test
    void replaceOfUnfilledOrderIsNewAfterwards()
    {
        final String id = ackedBuy("A", 10);
        h.submit(h.replace(1, "B", "A", 5, 1_500_000));
        h.venue(ExecType.REPLACED, id + "-2", id + "-1");
        assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(h.reports.lastEr().leavesQty()).isEqualTo(5);
    }

    @Test
    void replaceRejections()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 4, 1_500_000);
        h.submit(h.replace(1, "B", "A", 4, 1_500_000));
        Cr cr = h.reports.lastCr();
        assertThat(cr.reason()).isEqualTo(CancelRejectReason.REPLACE_REJECTED);
        assertThat(cr.text()).isEqualTo(OrderRejectReason.REPLACE_QTY_BELOW_CUM_QTY.text());
        assertThat(cr.replace()).isTrue();
        assertThat(cr.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);

        h.submit(h.replace(1, "C", "A", 1001, 1_500_000));
        cr = h.reports.lastCr();
        assertThat(cr.reason()).isEqualTo(CancelRejectReason.REPLACE_REJECTED);
        assertThat(cr.text()).isEqualTo(OrderRejectReason.QTY_EXCEEDS_MAX.text());

        final ReplaceOrderCommand edge = h.replace(1, "D", "A", 20, 1_500_000);
        edge.edgeReject = OrderRejectReason.UNSUPPORTED_TIME_IN_FORCE;
        h.submit(edge);
        assertThat(h.reports.lastCr().text()).isEqualTo(OrderRejectReason.UNSUPPORTED_TIME_IN_FORCE.text());

        h.venues.connected[0] = false;
        h.submit(h.replace(1, "E", "A", 20, 1_500_000));
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.VENUE_UNAVAILABLE);
        assertThat(h.oms.metrics().cancelRejects(CancelRejectReason.REPLACE_REJECTED)).isEqualTo(3);
        assertThat(h.order(id).ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(h.order(id).orderQty()).isEqualTo(10);
    }

    @Test
    void fillsWhilePendingCancelAndTooLateAnswer()
    {
        final String id = ackedBuy("A", 10);
        h.submit(h.cancel(1, "B", "A"));
        h.fill(id + "-1", "X1", 4, 1_500_000);
        Er er = h.reports.lastEr();
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PENDING_CANCEL);
        assertThat(er.cumQty()).isEqualTo(4);
        assertThat(er.leavesQty()).isEqualTo(6);
        h.fill(id + "-1", "X2", 6, 1_500_000);
        er = h.reports.lastEr();
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.FILLED);
        h.venueCancelReject(0, id + "-2", id + "-1", "too late");
        final Cr cr = h.reports.lastCr();
        assertThat(cr.reason()).isEqualTo(CancelRejectReason.TOO_LATE_TO_CANCEL);
        assertThat(cr.clOrdId()).isEqualTo("B");
        assertThat(cr.origClOrdId()).isEqualTo("A");
        assertThat(cr.ordStatus()).isEqualTo(OrdStatus.FILLED);
        assertThat(cr.text()).isEqualTo("too late");
        assertThat(h.order(id).pendingClOrdId()).isEmpty();
    }

    @Test
    void venueCancelRejectRestoresPrePendingStatus()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 4, 1_500_000);
        h.submit(h.replace(1, "B", "A", 20, 1_500_000));
        assertThat(h.order(id).ordStatus()).isEqualTo(OrdStatus.PENDING_REPLACE);
        h.venueCancelReject(0, id + "-2", id + "-1", "");
        final Cr cr = h.reports.lastCr();
        assertThat(cr.reason()).isEqualTo(CancelRejectReason.VENUE_REJECTED);
        assertThat(cr.replace()).isTrue();
        assertThat(cr.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(cr.text()).isEqualTo(CancelRejectReason.VENUE_REJECTED.text());
        assertThat(h.order(id).ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(h.order(id).clOrdId()).isEqualTo("A");
        // B was used: the client continues from A with a new id
        h.submit(h.cancel(1, "C", "A"));
        assertThat(h.reports.lastEr().execType()).isEqualTo(ExecType.PENDING_CANCEL);
        assertThat(h.venues.last().clOrdId()).isEqualTo(id + "-3");
    }

    @Test
    void iocRemainderExpires()
    {
        final NewOrderCommand ioc = h.newOrder(1, "A", TestSupport.EQUITY, Side.BUY, 10, 1_500_000);
        ioc.timeInForce = TimeInForce.IOC;
        h.submit(ioc);
        h.venue(ExecType.NEW, "1-1");
        h.fill("1-1", "X1", 3, 1_500_000);
        h.venue(ExecType.EXPIRED, "1-1");
        final Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.EXPIRED);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.EXPIRED);
        assertThat(er.cumQty()).isEqualTo(3);
        assertThat(er.leavesQty()).isZero();
        assertThat(er.tif()).isEqualTo(TimeInForce.IOC);
        // done orders ignore further expiry
        final int reports = h.reports.all.size();
        h.venue(ExecType.EXPIRED, "1-1");
        assertThat(h.reports.all).hasSize(reports);
        assertThat(h.oms.metrics().anomalies()).isEqualTo(1);
    }

    @Test
    void fokExpiresWithoutFills()
    {
        final NewOrderCommand fok = h.newOrder(1, "A", TestSupport.EQUITY, Side.SELL, 10, 1_500_000);
        fok.timeInForce = TimeInForce.FOK;
        h.submit(fok);
        h.venue(ExecType.EXPIRED, "1-1");
        assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.EXPIRED);
        assertThat(h.reports.lastEr().cumQty()).isZero();
    }

    @Test
    void venueRejectOfPendingNewOrder()
    {
        final String id = h.buy(1, "A", 10, 1_500_000);
        final var reject = h.execution(0, ExecType.REJECTED, id + "-1");
        reject.text.append("unknown account");
        h.submit(reject);
        final Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(er.rejectReason()).isEqualTo(OrderRejectReason.VENUE_REJECTED);
        assertThat(er.text()).isEqualTo("unknown account");
        assertThat(er.leavesQty()).isZero();
        assertThat(h.order(id).text()).isEqualTo("unknown account");
    }

    @Test
    void venueRejectOfAckedOrderIsAnUnsolicitedCancel()
    {
        final String id = ackedBuy("A", 10);
        h.venue(ExecType.REJECTED, id + "-1");
        final Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(h.oms.metrics().anomalies()).isEqualTo(1);
    }

    @Test
    void unsolicitedCancelKeepsCurrentClOrdId()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 2, 1_500_000);
        h.venue(ExecType.CANCELED, id + "-1");
        final Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(er.clOrdId()).isEqualTo("A");
        assertThat(er.origClOrdId()).isEmpty();
        assertThat(er.cumQty()).isEqualTo(2);
        assertThat(er.leavesQty()).isZero();
    }

    @Test
    void unsolicitedCancelWhilePendingReplaceLeavesTheReplaceToTheVenueAnswer()
    {
        final String id = ackedBuy("A", 10);
        h.submit(h.replace(1, "B", "A", 20, 1_500_000));
        h.venue(ExecType.CANCELED, id + "-1");
        assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.CANCELED);
        assertThat(h.reports.lastEr().clOrdId()).isEqualTo("A");
        h.venueCancelReject(0, id + "-2", id + "-1", "");
        assertThat(h.reports.lastCr().reason()).isEqualTo(CancelRejectReason.TOO_LATE_TO_CANCEL);
        assertThat(h.reports.lastCr().replace()).isTrue();
    }

    @Test
    void statusRequests()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 4, 1_500_000);
        h.status(1, "A", "", "S1");
        Er er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(er.statusReqId()).isEqualTo("S1");
        assertThat(er.cumQty()).isEqualTo(4);
        assertThat(er.orderId()).isEqualTo(id);
        h.status(1, "", id, "S2");
        assertThat(h.reports.lastEr().clOrdId()).isEqualTo("A");
        assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);

        h.status(1, "nope", "", "S3");
        er = h.reports.lastEr();
        assertThat(er.execType()).isEqualTo(ExecType.ORDER_STATUS);
        assertThat(er.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(er.orderId()).isEqualTo("NONE");
        assertThat(er.text()).isEqualTo("unknown order");
        assertThat(er.clOrdId()).isEqualTo("nope");
        assertThat(er.statusReqId()).isEqualTo("S3");
        h.status(2, "", id, "S4"); // another client's order
        assertThat(h.reports.lastEr().orderId()).isEqualTo("NONE");
    }

    @Test
    void execIdsAreUniqueAcrossAllReports()
    {
        final String id = ackedBuy("A", 10);
        h.fill(id + "-1", "X1", 4, 1_500_000);
        h.status(1, "A", "", "");
        h.submit(h.cancel(1, "B", "A"));
        h.venue(ExecType.CANCELED, id + "-2");
        assertThat(h.reports.all).extracting(r -> ((Er)r).execId()).containsExactly("E1", "E2", "E3", "E4", "E5", "E6");
    }

    @Test
    void sessionStateIsRecorded()
    {
        assertThat(h.get(h.oms.onSequencer(() -> h.oms.venueSessionState(1)))).isEqualTo(-1);
        h.sessionState(1, false);
        assertThat(h.get(h.oms.onSequencer(() -> h.oms.venueSessionState(1)))).isEqualTo(0);
        h.sessionState(1, true);
        assertThat(h.get(h.oms.onSequencer(() -> h.oms.venueSessionState(1)))).isEqualTo(1);
        assertThat(h.oms.metrics().journalRecords()).isEqualTo(2);
    }

    @Test
    void metricsAndQueries()
    {
        final String id = ackedBuy("A", 10);
        h.buy(1, "B", 0, 1);
        h.status(1, "A", "", "");
        final OmsMetrics m = h.oms.metrics();
        assertThat(m.commandsIn()).isEqualTo(3);
        assertThat(m.newOrdersIn()).isEqualTo(2);
        assertThat(m.venueEventsIn()).isEqualTo(1);
        assertThat(m.journalRecords()).isEqualTo(4);
        assertThat(m.lastSequence()).isEqualTo(4);
        assertThat(m.queueDepth()).isZero();
        assertThat(h.get(h.oms.queries().orders())).extracting(OrderSnapshot::orderId).containsExactly(id, "2");
        assertThat(h.get(h.oms.queries().openOrders())).extracting(OrderSnapshot::orderId).containsExactly(id);
        assertThat(h.get(h.oms.queries().order("77"))).isEmpty();
        assertThat(h.get(h.oms.queries().order("x"))).isEmpty();
    }

    @Test
    void orderIdPrefixAndCapacity(@TempDir final Path other)
    {
        try (Harness p = new Harness(new OmsConfig().journalDir(other).orderIdPrefix("M").maxOrders(2)
            .ringCapacityBytes(1 << 16).journalSegmentBytes(1 << 20), false))
        {
            assertThat(p.buy(1, "A", 10, 1)).isEqualTo("M1");
            assertThat(p.venues.last().clOrdId()).isEqualTo("M1-1");
            p.venue(ExecType.NEW, "M1-1");
            assertThat(p.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.NEW);
            assertThat(p.buy(1, "B", 10, 1)).isEqualTo("M2");
            assertThat(p.buy(1, "C", 10, 1)).isEqualTo("M3");
            assertThat(p.reports.lastEr().rejectReason()).isEqualTo(OrderRejectReason.CAPACITY);
            assertThat(p.get(p.oms.queries().order("M3"))).isEmpty();
        }
    }

    @Test
    void journalRecordsExternalDecisionsSoReplayIgnoresTodaysVenuesAndRisk(@TempDir final Path other)
    {
        final OmsConfig config = new OmsConfig().journalDir(other).ringCapacityBytes(1 << 16)
            .journalSegmentBytes(1 << 20);
        final long hash;
        final String lastExecId;
        try (Harness first = new Harness(config, false))
        {
            first.buy(1, "A", 10, 1_500_000);
            first.venues.connected[0] = false;
            first.buy(1, "B", 10, 1_500_000);
            first.venues.connected[0] = true;
            first.venues.sendOk = false;
            first.buy(1, "C", 10, 1_500_000);
            first.venues.sendOk = true;
            first.venue(ExecType.NEW, "1-1");
            first.fill("1-1", "X1", 3, 1_500_000);
            first.submit(first.replace(1, "D", "A", 20, 1_500_000));
            hash = first.stateHash();
            lastExecId = first.reports.lastEr().execId();
        }
        try (Harness second = new Harness(config, true))
        {
            assertThat(second.recovered).isEqualTo(6);
            assertThat(second.reports.all).isEmpty();
            assertThat(second.venues.sent).isEmpty();
            assertThat(second.risk.checks).isZero();
            assertThat(second.stateHash()).isEqualTo(hash);
            assertThat(second.order("1").ordStatus()).isEqualTo(OrdStatus.PENDING_REPLACE);
            assertThat(second.order("2").rejectReason()).isEqualTo(OrderRejectReason.VENUE_UNAVAILABLE);
            assertThat(second.order("3").rejectReason()).isEqualTo(OrderRejectReason.VENUE_SEND_FAILED);
            assertThat(second.fills.fills).hasSize(1);
            assertThat(second.risk.trades).containsExactly(1_500_000L);

            // ids continue where they were
            second.venues.connected[0] = true;
            second.venues.sendOk = true;
            second.risk.rejectEverything = false;
            assertThat(second.buy(1, "E", 10, 1_500_000)).isEqualTo("4");
            assertThat(second.reports.lastEr().execId()).isEqualTo("E" + (Long.parseLong(lastExecId.substring(1)) + 1));
            second.buy(1, "A", 10, 1_500_000);
            assertThat(second.reports.lastEr().rejectReason()).isEqualTo(OrderRejectReason.DUPLICATE_CLORDID);
            // the replace is still pending and its venue answer is understood
            second.venue(ExecType.REPLACED, "1-2", "1-1");
            assertThat(second.reports.lastEr().clOrdId()).isEqualTo("D");
            assertThat(second.reports.lastEr().leavesQty()).isEqualTo(17);
            assertThat(second.oms.metrics().lastSequence()).isEqualTo(9);
        }
    }
}
