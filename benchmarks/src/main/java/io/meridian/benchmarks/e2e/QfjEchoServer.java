package io.meridian.benchmarks.e2e;

import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Side;
import quickfix.field.Symbol;

/**
 * The bare QuickFIX/J baseline: a SocketAcceptor (memory store, no message log, default FIX 4.4
 * validation) answering every NewOrderSingle with one ExecutionReport New. It has no idle mode:
 * its I/O thread blocks.
 */
final class QfjEchoServer implements SutMain.Sut
{
    private final SocketAcceptor acceptor;
    private final int port;

    QfjEchoServer(final int sessions) throws Exception
    {
        port = SutMain.freePort();
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", "localhost");
        settings.setLong("SocketAcceptPort", port);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setString("NonStopSession", "Y");
        settings.setString("SocketTcpNoDelay", "Y");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("DataDictionary", "FIX44.xml");
        for (int i = 1; i <= sessions; i++)
        {
            settings.setString(new SessionID("FIX.4.4", "MERIDIAN", "CLIENT" + i), "BeginString", "FIX.4.4");
        }
        acceptor = new SocketAcceptor(new Echo(), new MemoryStoreFactory(), settings, null, new DefaultMessageFactory());
        acceptor.start();
    }

    public int port()
    {
        return port;
    }

    public void close()
    {
        acceptor.stop(true);
    }

    private static final class Echo implements Application
    {
        private long orderId;

        public void onCreate(final SessionID sessionId)
        {
        }

        public void onLogon(final SessionID sessionId)
        {
        }

        public void onLogout(final SessionID sessionId)
        {
        }

        public void toAdmin(final Message message, final SessionID sessionId)
        {
        }

        public void fromAdmin(final Message message, final SessionID sessionId)
        {
        }

        public void toApp(final Message message, final SessionID sessionId)
        {
        }

        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            if (!"D".equals(message.getHeader().getString(MsgType.FIELD)))
            {
                return;
            }
            final long id = ++orderId;
            final quickfix.fix44.ExecutionReport report = new quickfix.fix44.ExecutionReport(
                new OrderID("Q" + id), new ExecID("Q" + id), new ExecType(ExecType.NEW), new OrdStatus(OrdStatus.NEW),
                new Side(message.getChar(Side.FIELD)), new LeavesQty(message.getDouble(OrderQty.FIELD)),
                new CumQty(0), new AvgPx(0));
            report.set(new ClOrdID(message.getString(ClOrdID.FIELD)));
            report.set(new Symbol(message.getString(Symbol.FIELD)));
            report.set(new OrderQty(message.getDouble(OrderQty.FIELD)));
            try
            {
                Session.sendToTarget(report, sessionId);
            }
            catch (final SessionNotFound e)
            {
                throw new IllegalStateException(e);
            }
        }
    }
}
