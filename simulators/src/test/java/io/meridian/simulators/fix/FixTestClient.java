package io.meridian.simulators.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.Message;
import quickfix.MemoryStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.Account;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderStatusRequest;

/** A plain QuickFIX/J FIX 4.4 initiator (MemoryStore, ResetOnLogon=Y) that queues what it receives. */
final class FixTestClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final CountDownLatch loggedOn = new CountDownLatch(1);
    private final SessionID sessionId;
    private final SocketInitiator initiator;

    FixTestClient(int port, String senderCompId, String dataDictionary) throws ConfigError {
        sessionId = new SessionID("FIX.4.4", senderCompId, "VENUE");
        SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setLong("SocketConnectPort", port);
        settings.setString("SocketTcpNoDelay", "Y");
        settings.setString("NonStopSession", "Y");
        settings.setLong("HeartBtInt", 30);
        settings.setLong("ReconnectInterval", 1);
        settings.setString("ResetOnLogon", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", dataDictionary);
        settings.setString(sessionId, "BeginString", "FIX.4.4");
        initiator = new SocketInitiator(new ClientApplication(), new MemoryStoreFactory(), settings,
            new SLF4JLogFactory(settings), new DefaultMessageFactory());
    }

    static FixTestClient connect(int port) throws Exception {
        return connect(port, "MERIDIAN", "fix/FIX44.xml");
    }

    static FixTestClient connect(int port, String senderCompId, String dataDictionary) throws Exception {
        FixTestClient client = new FixTestClient(port, senderCompId, dataDictionary);
        client.initiator.start();
        assertThat(client.loggedOn.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("logon").isTrue();
        return client;
    }

    void send(Message message) throws SessionNotFound {
        assertThat(Session.sendToTarget(message, sessionId)).as("sent").isTrue();
    }

    /** The next application (or session-level reject) message, failing after the timeout. */
    Message next() throws InterruptedException {
        Message message = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return message;
    }

    Message poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        initiator.stop(true);
    }

    static NewOrderSingle limit(String clOrdId, String symbol, char side, String qty, String price, char tif) {
        NewOrderSingle order = order(clOrdId, symbol, side, qty, OrdType.LIMIT);
        order.setDecimal(Price.FIELD, new BigDecimal(price));
        order.setChar(TimeInForce.FIELD, tif);
        return order;
    }

    static NewOrderSingle market(String clOrdId, String symbol, char side, String qty) {
        return order(clOrdId, symbol, side, qty, OrdType.MARKET);
    }

    static NewOrderSingle order(String clOrdId, String symbol, char side, String qty, char ordType) {
        NewOrderSingle order = new NewOrderSingle(new ClOrdID(clOrdId), new Side(side), now(), new OrdType(ordType));
        order.setString(Account.FIELD, "ACC-1");
        order.setString(Symbol.FIELD, symbol);
        if (qty != null) {
            order.setDecimal(OrderQty.FIELD, new BigDecimal(qty));
        }
        return order;
    }

    static OrderCancelRequest cancel(String clOrdId, String origClOrdId, String symbol, char side) {
        OrderCancelRequest cancel = new OrderCancelRequest(new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId), new Side(side), now());
        cancel.setString(Symbol.FIELD, symbol);
        return cancel;
    }

    static OrderCancelReplaceRequest replace(String clOrdId, String origClOrdId, String symbol, char side, String qty, String price) {
        OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId),
            new Side(side), now(), new OrdType(OrdType.LIMIT));
        replace.setString(Symbol.FIELD, symbol);
        replace.setDecimal(OrderQty.FIELD, new BigDecimal(qty));
        replace.setDecimal(Price.FIELD, new BigDecimal(price));
        return replace;
    }

    static OrderStatusRequest status(String clOrdId, String symbol, char side, String reqId) {
        OrderStatusRequest status = new OrderStatusRequest(new ClOrdID(clOrdId), new Side(side));
        status.setString(Symbol.FIELD, symbol);
        status.setString(OrdStatusReqID.FIELD, reqId);
        return status;
    }

    private static TransactTime now() {
        return new TransactTime(LocalDateTime.now(ZoneOffset.UTC));
    }

    private final class ClientApplication implements Application {
        @Override
        public void onCreate(SessionID id) {
        }

        @Override
        public void onLogon(SessionID id) {
            loggedOn.countDown();
        }

        @Override
        public void onLogout(SessionID id) {
        }

        @Override
        public void toAdmin(Message message, SessionID id) {
        }

        @Override
        public void fromAdmin(Message message, SessionID id) {
            if (MsgType.REJECT.equals(header(message))) {
                received.add(message);
            }
        }

        @Override
        public void toApp(Message message, SessionID id) {
        }

        @Override
        public void fromApp(Message message, SessionID id) {
            received.add(message);
        }

        private String header(Message message) {
            try {
                return message.getHeader().getString(MsgType.FIELD);
            } catch (quickfix.FieldNotFound e) {
                return "";
            }
        }
    }
}
