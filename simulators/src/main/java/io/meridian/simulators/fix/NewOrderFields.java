package io.meridian.simulators.fix;

import java.math.BigDecimal;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;

/**
 * The order fields of a NewOrderSingle or OrderCancelReplaceRequest, as the client sent them
 * (echoed on reports). {@code timeInForce} is 0 and {@code orderQty}/{@code price}/{@code account}
 * null when absent.
 */
record NewOrderFields(
    String clOrdId, String account, String symbol, char side, char ordType, char timeInForce,
    BigDecimal orderQty, BigDecimal price, boolean postOnly) {

    /** ExecInst (18) value 6, "participate don't initiate": honoured only if the dictionary defines tag 18. */
    static final int EXEC_INST = 18;

    static NewOrderFields from(FieldMap message) throws FieldNotFound {
        return new NewOrderFields(
            message.getString(ClOrdID.FIELD),
            message.isSetField(Account.FIELD) ? message.getString(Account.FIELD) : null,
            message.getString(Symbol.FIELD),
            message.getChar(Side.FIELD),
            message.getChar(OrdType.FIELD),
            message.isSetField(TimeInForce.FIELD) ? message.getChar(TimeInForce.FIELD) : 0,
            message.isSetField(OrderQty.FIELD) ? message.getDecimal(OrderQty.FIELD) : null,
            message.isSetField(Price.FIELD) ? message.getDecimal(Price.FIELD) : null,
            message.isSetField(EXEC_INST) && message.getString(EXEC_INST).indexOf('6') >= 0);
    }
}
