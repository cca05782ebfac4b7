package io.meridian.simulators.client;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A minimal QuickFIX/J FIX 4.4 client: logs on to Meridian, sends one NewOrderSingle and prints
 * every message sent ({@code >}) and received ({@code <}) with visible separators, each report and
 * reject followed by one decoded line, until the order is done (or a timeout). {@code --raw}
 * prints QuickFIX/J's own message log instead. An example of how to connect, not a trading tool.
 * <pre>
 *   FixClientCli [--host localhost] [--port 9878] [--sender CLIENT1] [--target MERIDIAN]
 *                [--username u --password p] [--tif DAY|GTC|IOC|FOK] [--wait-s 10] [--raw] [--store DIR]
 *                BUY|SELL QTY SYMBOL [PRICE]          (no PRICE: market order)
 * </pre>
 */
public final class FixClientCli implements Application
{
    private final CountDownLatch loggedOn = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final String username;
    private final String password;
    private final boolean raw;

    private FixClientCli(final String username, final String password, final boolean raw)
    {
        this.username = username;
        this.password = password;
        this.raw = raw;
    }

    public static void main(final String[] args) throws Exception
    {
        String host = "localhost";
        int port = 9878;
        String sender = "CLIENT1";
        String target = "MERIDIAN";
        String username = null;
        String password = null;
        String tif = "DAY";
        int waitS = 10;
        boolean raw = false;
        Path storeDir = null;
        final java.util.List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--host": host = args[++i]; break;
                case "--port": port = Integer.parseInt(args[++i]); break;
                case "--sender": sender = args[++i]; break;
                case "--target": target = args[++i]; break;
                case "--username": username = args[++i]; break;
                case "--password": password = args[++i]; break;
                case "--tif": tif = args[++i].toUpperCase(); break;
                case "--wait-s": waitS = Integer.parseInt(args[++i]); break;
                case "--raw": raw = true; break;
                case "--store": storeDir = Path.of(args[++i]); break;
                default: positional.add(args[i]);
            }
        }
        if (positional.size() < 3)
        {
            System.err.println("usage: FixClientCli [options] BUY|SELL QTY SYMBOL [PRICE]");
            System.exit(2);
        }

        final FixClientCli client = new FixClientCli(username, password, raw);
        // sequence numbers persist between runs, as Meridian's do: a fresh store would log on with
        // MsgSeqNum 1 and be logged out as "MsgSeqNum too low" from the second run on
        final Path store = storeDir == null ? Files.createTempDirectory("meridian-fix-client") :
            Files.createDirectories(storeDir);
        final SessionSettings settings = settings(host, port, sender, target, store);
        final SocketInitiator initiator = new SocketInitiator(
            client, new FileStoreFactory(settings), settings, new ScreenLogFactory(raw, raw, false),
            new DefaultMessageFactory());
        initiator.start();
        try
        {
            if (!client.loggedOn.await(waitS, TimeUnit.SECONDS))
            {
                System.err.println("logon to " + host + ":" + port + " failed");
                System.exit(1);
            }
            final NewOrderSingle order = new NewOrderSingle(
                new ClOrdID("cli-" + System.currentTimeMillis()),
                new Side("SELL".equalsIgnoreCase(positional.get(0)) ? Side.SELL : Side.BUY),
                new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
                new OrdType(positional.size() > 3 ? OrdType.LIMIT : OrdType.MARKET));
            order.set(new OrderQty(new BigDecimal(positional.get(1)).doubleValue()));
            order.set(new Symbol(positional.get(2)));
            if (positional.size() > 3)
            {
                order.set(new Price(new BigDecimal(positional.get(3)).doubleValue()));
            }
            order.set(new TimeInForce(tifValue(tif)));
            Session.sendToTarget(order, new SessionID("FIX.4.4", sender, target));
            if (!client.done.await(waitS, TimeUnit.SECONDS))
            {
                System.out.println("order still open after " + waitS + " s");
            }
        }
        finally
        {
            initiator.stop();
        }
    }

    private static char tifValue(final String tif)
    {
        switch (tif)
        {
            case "GTC": return TimeInForce.GOOD_TILL_CANCEL;
            case "IOC": return TimeInForce.IMMEDIATE_OR_CANCEL;
            case "FOK": return TimeInForce.FILL_OR_KILL;
            default: return TimeInForce.DAY;
        }
    }

    private static SessionSettings settings(
        final String host, final int port, final String sender, final String target, final Path store)
        throws ConfigError
    {
        final String config = String.join("\n",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "HeartBtInt=30",
            "ReconnectInterval=5",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "UseDataDictionary=Y",
            "DataDictionary=fix/FIX44.xml",
            "FileStorePath=" + store,
            "[SESSION]",
            "BeginString=FIX.4.4",
            "SenderCompID=" + sender,
            "TargetCompID=" + target,
            "SocketConnectHost=" + host,
            "SocketConnectPort=" + port,
            "");
        return new SessionSettings(new ByteArrayInputStream(config.getBytes(StandardCharsets.US_ASCII)));
    }

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
        loggedOn.countDown();
    }

    public void onLogout(final SessionID sessionId)
    {
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
        try
        {
            if (MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                if (username != null)
                {
                    message.setString(quickfix.field.Username.FIELD, username);
                }
                if (password != null)
                {
                    message.setString(quickfix.field.Password.FIELD, password);
                }
            }
        }
        catch (final FieldNotFound ignored)
        {
            // every message has a MsgType
        }
        print("> ", message);
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        print("< ", message);
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
        print("> ", message);
    }

    private void print(final String direction, final Message message)
    {
        if (raw)
        {
            return;
        }
        System.out.println(direction + ReportDescriber.readable(message));
        final String decoded = ReportDescriber.describe(message);
        if (decoded != null)
        {
            System.out.println("    " + decoded);
        }
    }

    public void fromApp(final Message message, final SessionID sessionId)
    {
        print("< ", message);
        try
        {
            if (MsgType.EXECUTION_REPORT.equals(message.getHeader().getString(MsgType.FIELD)))
            {
                final char status = message.getChar(OrdStatus.FIELD);
                if (status == OrdStatus.FILLED || status == OrdStatus.CANCELED || status == OrdStatus.REJECTED ||
                    status == OrdStatus.EXPIRED)
                {
                    done.countDown();
                }
            }
        }
        catch (final FieldNotFound e)
        {
            System.out.println("report without OrdStatus: " + message);
        }
    }
}
