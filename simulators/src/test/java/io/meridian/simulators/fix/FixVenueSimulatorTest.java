package io.meridian.simulators.fix;

import static io.meridian.simulators.fix.FixTestClient.cancel;
import static io.meridian.simulators.fix.FixTestClient.limit;
import static io.meridian.simulators.fix.FixTestClient.market;
import static io.meridian.simulators.fix.FixTestClient.replace;
import static io.meridian.simulators.fix.FixTestClient.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.simulators.matching.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.TimeInForce;

/** The venue simulator against a plain QuickFIX/J initiator over loopback. */
@Timeout(60)
class FixVenueSimulatorTest {
    private static final char BUY = quickfix.field.Side.BUY;
    private static final char SELL = quickfix.field.Side.SELL;

    private FixVenueSimulator venue;
    private FixTestClient client;
    private final Set<String> execIds = new HashSet<>();

    @BeforeEach
    void start() throws Exception {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.builder().port(0).idPrefix("T").build()).start();
        client = FixTestClient.connect(venue.port());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (venue != null) {
            venue.stop();
        }
    }

    @Test
    void fullFillAgainstSeededLiquidityEchoesTheOrder() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "100", "190.10", TimeInForce.DAY));

        Message ack = report("0", "0");
        assertThat(f(ack, 11)).isEqualTo("O1");
        assertThat(f(ack, 1)).isEqualTo("ACC-1");
        assertThat(f(ack, 55)).isEqualTo("AAPL");
        assertThat(f(ack, 54)).isEqualTo("1");
        assertThat(dec(ack, 38)).isEqualByComparingTo("100");
        assertThat(f(ack, 40)).isEqualTo("2");
        assertThat(dec(ack, 44)).isEqualByComparingTo("190.10");
        assertThat(f(ack, 59)).isEqualTo("0");
        assertThat(dec(ack, 151)).isEqualByComparingTo("100");
        assertThat(dec(ack, 14)).isZero();
        assertThat(ack.isSetField(60)).isTrue();

        Message fill = report("F", "2");
        assertThat(f(fill, 37)).isEqualTo(f(ack, 37)).startsWith("T-");
        assertThat(dec(fill, 32)).isEqualByComparingTo("100");
        assertThat(dec(fill, 31)).isEqualByComparingTo("190.10");
        assertThat(dec(fill, 14)).isEqualByComparingTo("100");
        assertThat(dec(fill, 151)).isZero();
        assertThat(dec(fill, 6)).isEqualByComparingTo("190.10");
        assertThat(f(fill, 1)).isEqualTo("ACC-1");
        assertThat(venue.control().book("AAPL").asks().get(0).price()).isEqualByComparingTo("190.20");
    }

    @Test
    void partialFillThenTheRestWhenTheControlApiAddsLiquidity() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "500", "190.10", TimeInForce.GOOD_TILL_CANCEL));
        report("0", "0");
        Message partial = report("F", "1");
        assertThat(dec(partial, 32)).isEqualByComparingTo("100");
        assertThat(dec(partial, 151)).isEqualByComparingTo("400");
        assertThat(venue.control().book("AAPL").bids().get(0))
            .isEqualTo(new VenueBook.Level(new BigDecimal("190.1"), new BigDecimal("400"), 1));

        venue.control().addLiquidity("AAPL", Side.SELL, "400", "190.05");

        Message rest = report("F", "2");
        assertThat(dec(rest, 32)).isEqualByComparingTo("400");
        assertThat(dec(rest, 31)).as("trades at the resting order's price").isEqualByComparingTo("190.10");
        assertThat(dec(rest, 14)).isEqualByComparingTo("500");
        assertThat(dec(rest, 151)).isZero();
        assertThat(dec(rest, 6)).isEqualByComparingTo("190.10");
    }

    @Test
    void restingOrderThenCancel() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "10", "180", TimeInForce.GOOD_TILL_CANCEL));
        report("0", "0");

        client.send(cancel("C1", "O1", "AAPL", BUY));

        Message canceled = report("4", "4");
        assertThat(f(canceled, 11)).isEqualTo("C1");
        assertThat(f(canceled, 41)).isEqualTo("O1");
        assertThat(dec(canceled, 151)).isZero();
        assertThat(dec(canceled, 14)).isZero();
        assertThat(venue.control().book("AAPL").bids()).extracting(VenueBook.Level::price)
            .doesNotContain(new BigDecimal("180"));
    }

    @Test
    void cancelOfAFilledOrderIsTooLate() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "100", "190.10", TimeInForce.DAY));
        report("0", "0");
        report("F", "2");

        client.send(cancel("C1", "O1", "AAPL", BUY));

        Message reject = next("9");
        assertThat(f(reject, 102)).isEqualTo("0");
        assertThat(f(reject, 434)).isEqualTo("1");
        assertThat(f(reject, 39)).isEqualTo("2");
        assertThat(f(reject, 11)).isEqualTo("C1");
        assertThat(f(reject, 41)).isEqualTo("O1");
    }

    @Test
    void cancelOfAnUnknownOrder() throws Exception {
        client.send(cancel("C1", "NOPE", "AAPL", BUY));

        Message reject = next("9");
        assertThat(f(reject, 102)).isEqualTo("1");
        assertThat(f(reject, 434)).isEqualTo("1");
        assertThat(f(reject, 39)).isEqualTo("8");
        assertThat(f(reject, 37)).isEqualTo("NONE");
    }

    @Test
    void replaceQuantityAndPrice() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "10", "180", TimeInForce.GOOD_TILL_CANCEL));
        report("0", "0");

        client.send(replace("O2", "O1", "AAPL", BUY, "20", "181"));
        Message replaced = report("5", "0");
        assertThat(f(replaced, 11)).isEqualTo("O2");
        assertThat(f(replaced, 41)).isEqualTo("O1");
        assertThat(dec(replaced, 38)).isEqualByComparingTo("20");
        assertThat(dec(replaced, 44)).isEqualByComparingTo("181");
        assertThat(dec(replaced, 151)).isEqualByComparingTo("20");
        assertThat(venue.control().book("AAPL").bids())
            .contains(new VenueBook.Level(new BigDecimal("181"), new BigDecimal("20"), 1))
            .extracting(VenueBook.Level::price).doesNotContain(new BigDecimal("180"));

        client.send(replace("O3", "O2", "AAPL", BUY, "15", "181"));
        assertThat(f(report("5", "0"), 41)).isEqualTo("O2");

        client.send(cancel("C1", "O3", "AAPL", BUY));
        assertThat(f(report("4", "4"), 41)).isEqualTo("O3");

        client.send(replace("O4", "O3", "AAPL", BUY, "15", "182"));
        Message reject = next("9");
        assertThat(f(reject, 434)).isEqualTo("2");
        assertThat(f(reject, 102)).isEqualTo("0");
    }

    @Test
    void replaceToAPriceThatCrossesTrades() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "50", "190", TimeInForce.GOOD_TILL_CANCEL));
        report("0", "0");

        client.send(replace("O2", "O1", "AAPL", BUY, "50", "190.10"));

        assertThat(f(report("5", "0"), 11)).isEqualTo("O2");
        Message fill = report("F", "2");
        assertThat(f(fill, 11)).isEqualTo("O2");
        assertThat(dec(fill, 31)).isEqualByComparingTo("190.10");
    }

    @Test
    void iocFillsWhatItCanThenExpires() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "150", "190.10", TimeInForce.IMMEDIATE_OR_CANCEL));

        report("0", "0");
        Message fill = report("F", "1");
        assertThat(dec(fill, 32)).isEqualByComparingTo("100");
        assertThat(dec(fill, 151)).isEqualByComparingTo("50");
        Message expired = report("C", "C");
        assertThat(dec(expired, 14)).isEqualByComparingTo("100");
        assertThat(dec(expired, 151)).isZero();
        assertThat(dec(expired, 6)).isEqualByComparingTo("190.10");
    }

    @Test
    void fokThatCannotFillExpiresWithNothingFilled() throws Exception {
        VenueBook before = venue.control().book("AAPL");
        client.send(limit("O1", "AAPL", BUY, "1000", "190.30", TimeInForce.FILL_OR_KILL));

        report("0", "0");
        Message expired = report("C", "C");
        assertThat(dec(expired, 14)).isZero();
        assertThat(dec(expired, 151)).isZero();
        assertThat(venue.control().book("AAPL")).isEqualTo(before);
    }

    @Test
    void marketOrderSweepsLevelsAndExpiresOnAnEmptyBook() throws Exception {
        client.send(market("O1", "MSFT", SELL, "150"));
        report("0", "0");
        Message first = report("F", "1");
        assertThat(dec(first, 31)).isEqualByComparingTo("419.90");
        Message second = report("F", "2");
        assertThat(dec(second, 31)).isEqualByComparingTo("419.80");
        assertThat(dec(second, 32)).isEqualByComparingTo("50");
        assertThat(dec(second, 6)).isEqualByComparingTo("419.8666666667");
        assertThat(second.isSetField(44)).isFalse();

        venue.control().clearBook("MSFT");
        client.send(market("O2", "MSFT", SELL, "10"));
        report("0", "0");
        Message expired = report("C", "C");
        assertThat(dec(expired, 14)).isZero();
    }

    @Test
    void invalidOrdersAreRejected() throws Exception {
        client.send(limit("O1", "TSLA", BUY, "1", "100", TimeInForce.DAY));
        Message unknownSymbol = report("8", "8");
        assertThat(f(unknownSymbol, 103)).isEqualTo("1");
        assertThat(f(unknownSymbol, 58)).contains("symbol");

        client.send(limit("O2", "AAPL", BUY, "0", "100", TimeInForce.DAY));
        assertThat(f(report("8", "8"), 103)).isEqualTo("13");

        client.send(FixTestClient.order("O3", "AAPL", BUY, "1", OrdType.LIMIT));
        assertThat(f(report("8", "8"), 58)).contains("Price");

        client.send(limit("O4", "AAPL", BUY, "1", "100.123456789", TimeInForce.DAY));
        assertThat(f(report("8", "8"), 58)).contains("8 decimals");

        client.send(FixTestClient.order("O5", "AAPL", BUY, "1", OrdType.STOP_LIMIT));
        assertThat(f(report("8", "8"), 103)).isEqualTo("11");

        client.send(limit("O6", "AAPL", BUY, "1", "100", TimeInForce.DAY));
        report("0", "0");
        client.send(limit("O6", "AAPL", BUY, "1", "100", TimeInForce.DAY));
        Message duplicate = report("8", "8");
        assertThat(f(duplicate, 103)).isEqualTo("6");
        assertThat(f(duplicate, 37)).isEqualTo("NONE");
    }

    @Test
    void statusRequestReportsTheCurrentState() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "300", "190.10", TimeInForce.GOOD_TILL_CANCEL));
        report("0", "0");
        report("F", "1");

        client.send(status("O1", "AAPL", BUY, "S1"));
        Message status = report("I", "1");
        assertThat(f(status, 790)).isEqualTo("S1");
        assertThat(dec(status, 14)).isEqualByComparingTo("100");
        assertThat(dec(status, 151)).isEqualByComparingTo("200");

        client.send(status("NOPE", "AAPL", BUY, "S2"));
        Message unknown = report("I", "8");
        assertThat(f(unknown, 103)).isEqualTo("5");
        assertThat(f(unknown, 790)).isEqualTo("S2");
    }

    @Test
    void clearBookCancelsRestingClientOrdersUnsolicited() throws Exception {
        client.send(limit("O1", "AAPL", BUY, "10", "180", TimeInForce.GOOD_TILL_CANCEL));
        report("0", "0");

        venue.control().clearBook("AAPL");

        Message canceled = report("4", "4");
        assertThat(f(canceled, 11)).isEqualTo("O1");
        assertThat(canceled.isSetField(41)).isFalse();
        assertThat(venue.control().book("AAPL").bids()).isEmpty();
        assertThat(venue.control().book("AAPL").asks()).isEmpty();
    }

    @Test
    void faultsRejectDropAndDelay() throws Exception {
        VenueControl control = venue.control();
        control.rejectNextNewOrders(1, "venue busy");
        client.send(limit("O1", "AAPL", BUY, "1", "180", TimeInForce.DAY));
        Message rejected = report("8", "8");
        assertThat(f(rejected, 103)).isEqualTo("0");
        assertThat(f(rejected, 58)).isEqualTo("venue busy");

        control.dropNextMessages(1);
        client.send(limit("O2", "AAPL", BUY, "1", "180", TimeInForce.DAY));
        assertThat(client.poll(Duration.ofMillis(300))).as("dropped: no answer").isNull();
        client.send(limit("O3", "AAPL", BUY, "1", "180", TimeInForce.DAY));
        assertThat(f(report("0", "0"), 11)).isEqualTo("O3");

        control.delayReports(400);
        long sentNanos = System.nanoTime();
        client.send(limit("O4", "AAPL", BUY, "1", "180", TimeInForce.DAY));
        report("0", "0");
        assertThat(Duration.ofNanos(System.nanoTime() - sentNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        control.clearFaults();

        VenueCounters counters = control.counters();
        assertThat(counters.newOrders()).isEqualTo(4);
        assertThat(counters.droppedMessages()).isEqualTo(1);
        assertThat(counters.executionReports()).isEqualTo(3);
        assertThat(counters.ordersReceived()).isEqualTo(4);
        assertThat(counters.reportsSent()).isEqualTo(3);
    }

    @Test
    void unsupportedTagsAreRefusedByTheDictionary() throws Exception {
        Message order = limit("O1", "AAPL", BUY, "1", "180", TimeInForce.DAY);
        order.setString(18, "6");
        client.send(order);

        Message reject = next(MsgType.REJECT);
        assertThat(f(reject, 371)).isEqualTo("18");
    }

    private Message report(String execType, String ordStatus) throws Exception {
        Message report = next(MsgType.EXECUTION_REPORT);
        assertThat(List.of(f(report, 150), f(report, 39))).as(report.toString()).containsExactly(execType, ordStatus);
        assertThat(execIds.add(f(report, 17))).as("unique ExecID " + f(report, 17)).isTrue();
        return report;
    }

    private Message next(String msgType) throws Exception {
        Message message = client.next();
        assertThat(message.getHeader().getString(MsgType.FIELD)).as(message.toString()).isEqualTo(msgType);
        return message;
    }

    static String f(Message message, int tag) throws FieldNotFound {
        return message.isSetField(tag) ? message.getString(tag) : null;
    }

    static BigDecimal dec(Message message, int tag) throws FieldNotFound {
        return message.getDecimal(tag);
    }
}
