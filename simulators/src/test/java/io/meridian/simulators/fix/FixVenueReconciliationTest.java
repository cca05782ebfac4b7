package io.meridian.simulators.fix;

import static io.meridian.simulators.fix.FixTestClient.cancel;
import static io.meridian.simulators.fix.FixTestClient.limit;
import static io.meridian.simulators.fix.FixVenueSimulatorTest.dec;
import static io.meridian.simulators.fix.FixVenueSimulatorTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.Account;
import quickfix.field.AccountType;
import quickfix.field.ClearingBusinessDate;
import quickfix.field.MassStatusReqID;
import quickfix.field.MassStatusReqType;
import quickfix.field.MsgType;
import quickfix.field.PartyID;
import quickfix.field.PartyIDSource;
import quickfix.field.PartyRole;
import quickfix.field.PosReqID;
import quickfix.field.PosReqType;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.OrderMassStatusRequest;
import quickfix.fix44.RequestForPositions;
import quickfix.fix44.component.Parties;

/**
 * OrderMassStatusRequest (AF) and RequestForPositions (AN) against the venue, from a QuickFIX/J
 * client that validates every answer with QuickFIX/J's complete FIX 4.4 dictionary (so the
 * answers carry what FIX 4.4 requires of ExecutionReport, RequestForPositionsAck and
 * PositionReport). Seeded AAPL: asks 100@190.10, 200@190.20; bids 100@189.90.
 */
@Timeout(60)
class FixVenueReconciliationTest {
    private static final char BUY = Side.BUY;
    private static final char SELL = Side.SELL;

    private FixVenueSimulator venue;
    private FixTestClient client;

    @BeforeEach
    void start() throws Exception {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.builder().port(0).idPrefix("R").build()).start();
        client = FixTestClient.connect(venue.port(), "MERIDIAN", "FIX44.xml");
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
    void massStatusSendsOneStatusReportPerOpenOrderWithTheLastFlagged() throws Exception {
        String o1 = place(limit("O1", "AAPL", BUY, "10", "180", TimeInForce.GOOD_TILL_CANCEL), 1);
        String o2 = place(limit("O2", "AAPL", SELL, "5", "200", TimeInForce.GOOD_TILL_CANCEL), 1);
        place(limit("O3", "MSFT", BUY, "100", "420.10", TimeInForce.DAY), 2);
        String o4 = place(limit("O4", "MSFT", BUY, "10", "400", TimeInForce.GOOD_TILL_CANCEL), 1);

        client.send(massStatus("M1", MassStatusReqType.STATUS_FOR_ALL_ORDERS, null));
        List<Message> all = reports(3);
        List<String> orderIds = new ArrayList<>();
        for (Message report : all) {
            orderIds.add(f(report, 37));
        }
        assertThat(orderIds).containsExactly(o1, o2, o4);
        for (int i = 0; i < all.size(); i++) {
            Message report = all.get(i);
            assertThat(f(report, 150)).isEqualTo("I");
            assertThat(f(report, 39)).isEqualTo("0");
            assertThat(f(report, 584)).isEqualTo("M1");
            assertThat(f(report, 911)).isEqualTo("3");
            assertThat(f(report, 912)).isEqualTo(i == 2 ? "Y" : "N");
        }
        assertThat(f(all.get(1), 11)).isEqualTo("O2");
        assertThat(f(all.get(1), 54)).isEqualTo("2");
        assertThat(dec(all.get(1), 151)).isEqualByComparingTo("5");
        assertThat(dec(all.get(1), 44)).isEqualByComparingTo("200");

        client.send(massStatus("M2", MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY, "MSFT"));
        Message msft = reports(1).get(0);
        assertThat(f(msft, 37)).isEqualTo(o4);
        assertThat(List.of(f(msft, 584), f(msft, 911), f(msft, 912))).containsExactly("M2", "1", "Y");

        OrderMassStatusRequest sells = massStatus("M3", MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY, "AAPL");
        sells.setChar(Side.FIELD, SELL);
        client.send(sells);
        assertThat(f(reports(1).get(0), 37)).isEqualTo(o2);

        client.send(cancel("C1", "O1", "AAPL", BUY));
        reports(1);
        client.send(massStatus("M4", MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY, "ETH-USD"));
        Message none = reports(1).get(0);
        assertThat(List.of(f(none, 584), f(none, 911), f(none, 912))).containsExactly("M4", "0", "Y");
        assertThat(f(none, 37)).isEqualTo("NONE");
        assertThat(f(none, 150)).isEqualTo("I");
        assertThat(f(none, 39)).isEqualTo("8");

        client.send(massStatus("M5", 5, null));
        Message reject = client.next();
        assertThat(reject.getHeader().getString(MsgType.FIELD)).isEqualTo(MsgType.BUSINESS_MESSAGE_REJECT);
        assertThat(List.of(f(reject, 372), f(reject, 379), f(reject, 380))).containsExactly("AF", "M5", "0");
    }

    @Test
    void positionsAreBuiltFromTheAccountsFills() throws Exception {
        place(limit("B1", "AAPL", BUY, "150", "190.20", TimeInForce.DAY), 3);
        place(limit("S1", "AAPL", SELL, "30", "189.90", TimeInForce.DAY), 2);
        place(limit("B2", "MSFT", BUY, "100", "420.10", TimeInForce.DAY), 2);
        quickfix.fix44.NewOrderSingle other = limit("B3", "BTC-USD", BUY, "0.5", "65010", TimeInForce.DAY);
        other.setString(Account.FIELD, "ACC-2");
        place(other, 2);

        client.send(positions("P1", "ACC-1", PosReqType.POSITIONS));
        Message ack = next(MsgType.REQUEST_FOR_POSITIONS_ACK);
        assertThat(List.of(f(ack, 710), f(ack, 727), f(ack, 728), f(ack, 729), f(ack, 1))).containsExactly("P1", "2", "0", "0", "ACC-1");
        Message aapl = next(MsgType.POSITION_REPORT);
        Message msft = next(MsgType.POSITION_REPORT);
        assertThat(List.of(f(aapl, 55), f(msft, 55))).containsExactly("AAPL", "MSFT");
        assertThat(List.of(f(aapl, 710), f(aapl, 727), f(aapl, 728), f(aapl, 1))).containsExactly("P1", "2", "0", "ACC-1");
        assertThat(f(aapl, 721)).isNotEqualTo(f(msft, 721)).isNotEqualTo(f(ack, 721));
        Group aaplQty = aapl.getGroups(702).get(0);
        assertThat(aaplQty.getString(703)).isEqualTo("TQ");
        assertThat(aaplQty.getDecimal(704)).isEqualByComparingTo("150");
        assertThat(aaplQty.getDecimal(705)).isEqualByComparingTo("30");
        assertThat(dec(aapl, 730)).as("last fill price").isEqualByComparingTo("189.90");
        Group variation = aapl.getGroups(753).get(0);
        assertThat(variation.getString(707)).isEqualTo("TVAR");
        // 120 held at 189.90, plus 30 sold at 189.90, minus 100 bought at 190.10 and 50 at 190.20
        assertThat(variation.getDecimal(708)).isEqualByComparingTo("-35");
        assertThat(aapl.getGroups(453).get(0).getString(448)).isEqualTo("ACC-1");
        Group msftQty = msft.getGroups(702).get(0);
        assertThat(msftQty.getDecimal(704)).isEqualByComparingTo("100");
        assertThat(msftQty.getDecimal(705)).isZero();

        client.send(positions("P2", "ACC-2", PosReqType.POSITIONS));
        assertThat(f(next(MsgType.REQUEST_FOR_POSITIONS_ACK), 727)).isEqualTo("1");
        Message btc = next(MsgType.POSITION_REPORT);
        assertThat(f(btc, 55)).isEqualTo("BTC-USD");
        assertThat(btc.getGroups(702).get(0).getDecimal(704)).isEqualByComparingTo("0.5");

        RequestForPositions onlyAapl = positions("P3", "ACC-1", PosReqType.POSITIONS);
        onlyAapl.setString(Symbol.FIELD, "AAPL");
        client.send(onlyAapl);
        assertThat(f(next(MsgType.REQUEST_FOR_POSITIONS_ACK), 727)).isEqualTo("1");
        assertThat(f(next(MsgType.POSITION_REPORT), 55)).isEqualTo("AAPL");

        client.send(positions("P4", "NOBODY", PosReqType.POSITIONS));
        Message empty = next(MsgType.REQUEST_FOR_POSITIONS_ACK);
        assertThat(List.of(f(empty, 710), f(empty, 727), f(empty, 728), f(empty, 729))).containsExactly("P4", "0", "2", "0");
        client.send(positions("P5", "ACC-1", PosReqType.TRADES));
        Message unsupported = next(MsgType.REQUEST_FOR_POSITIONS_ACK);
        assertThat(List.of(f(unsupported, 710), f(unsupported, 728), f(unsupported, 729))).containsExactly("P5", "4", "2");
    }

    @Test
    void aForgottenOrderLeavesTheBookAndMassStatusWithoutAMessage() throws Exception {
        String kept = place(limit("K1", "AAPL", BUY, "10", "180", TimeInForce.GOOD_TILL_CANCEL), 1);
        place(limit("F1", "AAPL", BUY, "7", "181", TimeInForce.GOOD_TILL_CANCEL), 1);

        venue.control().forgetOrder("F1");

        assertThat(client.poll(java.time.Duration.ofMillis(300))).as("the venue tells nobody").isNull();
        assertThat(venue.control().book("AAPL").bids()).noneMatch(l -> l.price().compareTo(new java.math.BigDecimal("181")) == 0);
        client.send(massStatus("M1", MassStatusReqType.STATUS_FOR_ALL_ORDERS, null));
        Message only = reports(1).get(0);
        assertThat(List.of(f(only, 37), f(only, 11), f(only, 911), f(only, 912))).containsExactly(kept, "K1", "1", "Y");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> venue.control().forgetOrder("F1"));
    }

    @Test
    void anAdjustedPositionShowsInThePositionReport() throws Exception {
        place(limit("B1", "AAPL", BUY, "150", "190.20", TimeInForce.DAY), 3);

        venue.control().adjustPosition("ACC-1", "AAPL", new java.math.BigDecimal("-20"));
        venue.control().adjustPosition("ACC-1", "MSFT", new java.math.BigDecimal("5"));

        assertThat(client.poll(java.time.Duration.ofMillis(300))).as("the venue tells nobody").isNull();
        client.send(positions("P1", "ACC-1", PosReqType.POSITIONS));
        assertThat(f(next(MsgType.REQUEST_FOR_POSITIONS_ACK), 727)).isEqualTo("2");
        Message aapl = next(MsgType.POSITION_REPORT);
        Message msft = next(MsgType.POSITION_REPORT);
        assertThat(aapl.getGroups(702).get(0).getDecimal(704)).isEqualByComparingTo("150");
        assertThat(aapl.getGroups(702).get(0).getDecimal(705)).isEqualByComparingTo("20");
        assertThat(f(msft, 55)).isEqualTo("MSFT");
        assertThat(msft.getGroups(702).get(0).getDecimal(704)).isEqualByComparingTo("5");
    }

    @Test
    void aSuppressedFillIsRecordedButNeverReported() throws Exception {
        client.send(limit("S1", "AAPL", BUY, "10", "189.95", TimeInForce.GOOD_TILL_CANCEL));
        int ackSeqNum = next(MsgType.EXECUTION_REPORT).getHeader().getInt(quickfix.field.MsgSeqNum.FIELD);

        venue.control().suppressNextFillReports(1);
        venue.control().addLiquidity("AAPL", io.meridian.simulators.matching.Side.SELL, "4", "189.95");

        assertThat(client.poll(java.time.Duration.ofMillis(300))).as("no Trade report").isNull();
        assertThat(venue.control().clientOrders()).anySatisfy(o -> {
            assertThat(o.clOrdId()).isEqualTo("S1");
            assertThat(o.cumQty()).isEqualByComparingTo("4");
        });
        client.send(massStatus("M1", MassStatusReqType.STATUS_FOR_ALL_ORDERS, null));
        Message status = reports(1).get(0);
        assertThat(dec(status, 14)).isEqualByComparingTo("4");
        assertThat(dec(status, 151)).isEqualByComparingTo("6");
        assertThat(status.getHeader().getInt(quickfix.field.MsgSeqNum.FIELD))
            .as("no sequence number used for the suppressed report: no gap, no resend").isEqualTo(ackSeqNum + 1);

        venue.control().addLiquidity("AAPL", io.meridian.simulators.matching.Side.SELL, "1", "189.95");
        Message next = next(MsgType.EXECUTION_REPORT);
        assertThat(List.of(f(next, 150), f(next, 32), f(next, 14))).as("only the next fill is reported")
            .containsExactly("F", "1", "5");
        client.send(positions("P1", "ACC-1", PosReqType.POSITIONS));
        next(MsgType.REQUEST_FOR_POSITIONS_ACK);
        assertThat(next(MsgType.POSITION_REPORT).getGroups(702).get(0).getDecimal(704)).isEqualByComparingTo("5");
    }

    /** Sends an order and returns its OrderID once its {@code reports} ExecutionReports have arrived. */
    private String place(quickfix.fix44.NewOrderSingle order, int reports) throws Exception {
        client.send(order);
        List<Message> received = reports(reports);
        return f(received.get(0), 37);
    }

    private List<Message> reports(int count) throws Exception {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(next(MsgType.EXECUTION_REPORT));
        }
        return out;
    }

    private Message next(String msgType) throws Exception {
        Message message = client.next();
        assertThat(message.getHeader().getString(MsgType.FIELD)).as(message.toString()).isEqualTo(msgType);
        return message;
    }

    private static OrderMassStatusRequest massStatus(String id, int type, String symbol) {
        OrderMassStatusRequest request = new OrderMassStatusRequest(new MassStatusReqID(id), new MassStatusReqType(type));
        if (symbol != null) {
            request.setString(Symbol.FIELD, symbol);
        }
        return request;
    }

    /** A RequestForPositions with every field FIX 4.4 requires. */
    private static RequestForPositions positions(String id, String account, int type) {
        RequestForPositions request = new RequestForPositions(new PosReqID(id), new PosReqType(type), new Account(account),
            new AccountType(AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS),
            new ClearingBusinessDate(LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE)),
            new TransactTime(LocalDateTime.now(ZoneOffset.UTC)));
        Parties parties = new Parties();
        Parties.NoPartyIDs party = new Parties.NoPartyIDs();
        party.set(new PartyID(account));
        party.set(new PartyIDSource(PartyIDSource.PROPRIETARY));
        party.set(new PartyRole(PartyRole.CUSTOMER_ACCOUNT));
        parties.addGroup(party);
        request.set(parties);
        return request;
    }
}
