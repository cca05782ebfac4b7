package io.meridian.simulators.fix;

import io.meridian.simulators.matching.MatchingClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.Account;
import quickfix.field.AccountType;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClearingBusinessDate;
import quickfix.field.LastRptRequested;
import quickfix.field.LongQty;
import quickfix.field.MassStatusReqID;
import quickfix.field.MassStatusReqType;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.PartyID;
import quickfix.field.PartyIDSource;
import quickfix.field.PartyRole;
import quickfix.field.PosAmt;
import quickfix.field.PosAmtType;
import quickfix.field.PosMaintRptID;
import quickfix.field.PosQtyStatus;
import quickfix.field.PosReqID;
import quickfix.field.PosReqResult;
import quickfix.field.PosReqStatus;
import quickfix.field.PosReqType;
import quickfix.field.PosType;
import quickfix.field.PriorSettlPrice;
import quickfix.field.SettlPrice;
import quickfix.field.SettlPriceType;
import quickfix.field.ShortQty;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TotNumReports;
import quickfix.field.TotalNumPosReports;
import quickfix.field.UnsolicitedIndicator;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.PositionReport;
import quickfix.fix44.RequestForPositionsAck;
import quickfix.fix44.component.Parties;
import quickfix.fix44.component.PositionAmountData;
import quickfix.fix44.component.PositionQty;

/**
 * What reconciliation asks the venue: OrderMassStatusRequest (AF; MassStatusReqType 7 all orders,
 * 1 one security) answered by one status ExecutionReport per open order of the session (or one
 * "no orders" report), and RequestForPositions (AN, PosReqType 0) answered by a
 * RequestForPositionsAck (AO) and a PositionReport (AP) per instrument the account traded. Called
 * under the venue lock.
 */
final class ReconciliationHandler {
    private static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    /** PartyIDSource D: proprietary/custom code; PartyRole 24: customer account. */
    private static final char PROPRIETARY = PartyIDSource.PROPRIETARY;
    private static final int CUSTOMER_ACCOUNT = PartyRole.CUSTOMER_ACCOUNT;
    private static final int ACCOUNT_CARRIED_ON_CUSTOMER_SIDE = AccountType.ACCOUNT_IS_CARRIED_ON_CUSTOMER_SIDE_OF_THE_BOOKS;

    private final ClientOrderRegistry registry;
    private final PositionBook positions;
    private final ReportFactory reports;
    private final Outbox outbox;
    private final MatchingClock clock;
    private long nextReportId = 1;
    private final String idPrefix;

    ReconciliationHandler(ClientOrderRegistry registry, PositionBook positions, ReportFactory reports, Outbox outbox,
                          MatchingClock clock, String idPrefix) {
        this.registry = registry;
        this.positions = positions;
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
        this.idPrefix = idPrefix;
    }

    void onMassStatus(Message request, SessionID session) throws FieldNotFound {
        String reqId = request.getString(MassStatusReqID.FIELD);
        int type = request.getInt(MassStatusReqType.FIELD);
        String symbol = optional(request, Symbol.FIELD);
        if (type != MassStatusReqType.STATUS_FOR_ALL_ORDERS && type != MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY) {
            businessReject(request, session, reqId, BusinessRejectReason.OTHER,
                "MassStatusReqType " + type + " not supported: 7 (all orders) and 1 (one security) are");
            return;
        }
        if (type == MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY && symbol == null) {
            businessReject(request, session, reqId, BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING,
                "Symbol (55) is required with MassStatusReqType 1");
            return;
        }
        String account = optional(request, Account.FIELD);
        char side = request.isSetField(Side.FIELD) ? request.getChar(Side.FIELD) : 0;
        List<ClientOrder> open = registry.liveOrders(session).stream()
            .filter(o -> type != MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY || o.symbol.equals(symbol))
            .filter(o -> account == null || account.equals(o.account))
            .filter(o -> side == 0 || o.side == side)
            .toList();
        long now = clock.epochNanos();
        if (open.isEmpty()) {
            ExecutionReport none = reports.unknownOrderStatus(VenueIds.NONE, null, symbol == null ? VenueIds.NONE : symbol,
                side == 0 ? Side.BUY : side, null, now);
            none.removeField(quickfix.field.ClOrdID.FIELD);
            none.setString(Text.FIELD, "no open orders match the mass status request");
            massStatusFields(none, reqId, 0, true);
            outbox.send(none, session);
            return;
        }
        for (int i = 0; i < open.size(); i++) {
            ExecutionReport report = reports.status(open.get(i), null, now);
            massStatusFields(report, reqId, open.size(), i == open.size() - 1);
            outbox.send(report, session);
        }
    }

    private static void massStatusFields(ExecutionReport report, String reqId, int total, boolean last) {
        report.setString(MassStatusReqID.FIELD, reqId);
        report.setInt(TotNumReports.FIELD, total);
        report.setBoolean(LastRptRequested.FIELD, last);
    }

    void onRequestForPositions(Message request, SessionID session) throws FieldNotFound {
        String reqId = request.getString(PosReqID.FIELD);
        int reqType = request.getInt(PosReqType.FIELD);
        String account = optional(request, Account.FIELD);
        if (account == null) {
            account = session.getTargetCompID();
        }
        String symbol = optional(request, Symbol.FIELD);
        int accountType = request.isSetField(AccountType.FIELD) ? request.getInt(AccountType.FIELD) : ACCOUNT_CARRIED_ON_CUSTOMER_SIDE;
        boolean subscribe = request.isSetField(SubscriptionRequestType.FIELD)
            && request.getChar(SubscriptionRequestType.FIELD) != SubscriptionRequestType.SNAPSHOT;
        if (reqType != PosReqType.POSITIONS || subscribe) {
            RequestForPositionsAck ack = ack(reqId, account, accountType, symbol, 0, PosReqResult.REQUEST_FOR_POSITION_NOT_SUPPORTED,
                PosReqStatus.REJECTED);
            ack.setString(Text.FIELD, "only position snapshots (PosReqType 0, SubscriptionRequestType 0) are supported");
            outbox.send(ack, session);
            return;
        }
        List<PositionBook.Position> held = positions.positions(account, symbol);
        RequestForPositionsAck ack = ack(reqId, account, accountType, symbol, held.size(),
            held.isEmpty() ? PosReqResult.NO_POSITIONS_FOUND_THAT_MATCH_CRITERIA : PosReqResult.VALID_REQUEST, PosReqStatus.COMPLETED);
        outbox.send(ack, session);
        String businessDate = BUSINESS_DATE.format(Instant.ofEpochSecond(0, clock.epochNanos()));
        for (PositionBook.Position position : held) {
            outbox.send(report(reqId, position, accountType, held.size(), businessDate), session);
        }
    }

    private RequestForPositionsAck ack(String reqId, String account, int accountType, String symbol, int total, int result, int status) {
        RequestForPositionsAck ack = new RequestForPositionsAck();
        ack.setString(PosMaintRptID.FIELD, nextReportId());
        ack.setString(PosReqID.FIELD, reqId);
        ack.setInt(TotalNumPosReports.FIELD, total);
        ack.setBoolean(UnsolicitedIndicator.FIELD, false);
        ack.setInt(PosReqResult.FIELD, result);
        ack.setInt(PosReqStatus.FIELD, status);
        ack.set(parties(account));
        ack.setString(Account.FIELD, account);
        ack.setInt(AccountType.FIELD, accountType);
        if (symbol != null) {
            ack.setString(Symbol.FIELD, symbol);
        }
        return ack;
    }

    private PositionReport report(String reqId, PositionBook.Position position, int accountType, int total, String businessDate) {
        PositionReport report = new PositionReport();
        report.setString(PosMaintRptID.FIELD, nextReportId());
        report.setString(PosReqID.FIELD, reqId);
        report.setInt(PosReqType.FIELD, PosReqType.POSITIONS);
        report.setInt(TotalNumPosReports.FIELD, total);
        report.setBoolean(UnsolicitedIndicator.FIELD, false);
        report.setInt(PosReqResult.FIELD, PosReqResult.VALID_REQUEST);
        report.setString(ClearingBusinessDate.FIELD, businessDate);
        report.set(parties(position.account));
        report.setString(Account.FIELD, position.account);
        report.setInt(AccountType.FIELD, accountType);
        report.setString(Symbol.FIELD, position.symbol);
        report.setDecimal(SettlPrice.FIELD, position.lastPx);
        report.setInt(SettlPriceType.FIELD, SettlPriceType.THEORETICAL);
        report.setDecimal(PriorSettlPrice.FIELD, position.lastPx);
        PositionQty.NoPositions quantities = new PositionQty.NoPositions();
        quantities.setString(PosType.FIELD, PosType.TRANSACTION_QUANTITY);
        quantities.setDecimal(LongQty.FIELD, position.bought);
        quantities.setDecimal(ShortQty.FIELD, position.sold);
        quantities.setInt(PosQtyStatus.FIELD, PosQtyStatus.ACCEPTED);
        report.addGroup(quantities);
        // trade variation at SettlPrice: what the day's fills made or lost, marked at the last price
        BigDecimal variation = position.net().multiply(position.lastPx).add(position.soldNotional).subtract(position.boughtNotional);
        PositionAmountData.NoPosAmt amount = new PositionAmountData.NoPosAmt();
        amount.setString(PosAmtType.FIELD, PosAmtType.TRADE_VARIATION_AMOUNT);
        amount.setDecimal(PosAmt.FIELD, variation.stripTrailingZeros().scale() < 0 ? variation.setScale(0) : variation.stripTrailingZeros());
        report.addGroup(amount);
        return report;
    }

    private static Parties parties(String account) {
        Parties parties = new Parties();
        Parties.NoPartyIDs party = new Parties.NoPartyIDs();
        party.setString(PartyID.FIELD, account);
        party.setChar(PartyIDSource.FIELD, PROPRIETARY);
        party.setInt(PartyRole.FIELD, CUSTOMER_ACCOUNT);
        parties.addGroup(party);
        return parties;
    }

    private void businessReject(Message request, SessionID session, String refId, int reason, String text) throws FieldNotFound {
        BusinessMessageReject reject = new BusinessMessageReject();
        reject.setInt(quickfix.field.RefSeqNum.FIELD, request.getHeader().getInt(MsgSeqNum.FIELD));
        reject.setString(quickfix.field.RefMsgType.FIELD, request.getHeader().getString(MsgType.FIELD));
        reject.setString(quickfix.field.BusinessRejectRefID.FIELD, refId);
        reject.setInt(BusinessRejectReason.FIELD, reason);
        reject.setString(Text.FIELD, text);
        outbox.send(reject, session);
    }

    private String nextReportId() {
        return idPrefix + "-P" + nextReportId++;
    }

    private static String optional(Message message, int tag) throws FieldNotFound {
        if (!message.isSetField(tag)) {
            return null;
        }
        String value = message.getString(tag);
        return value.isEmpty() ? null : value;
    }
}
