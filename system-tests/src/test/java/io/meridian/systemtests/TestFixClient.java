package io.meridian.systemtests;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SLF4JLogFactory;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Username;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real QuickFIX/J FIX 4.4 initiator acting as a buy-side client of Meridian in system tests.
 * Everything it receives (application and session messages) is queued for assertions. Its
 * FileStore lives in the given directory so a test can reconnect with persisted sequence numbers.
 */
final class TestFixClient implements Application, AutoCloseable
{
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final LinkedBlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final List<Message> seen = new ArrayList<>();
    private final SessionID sessionId;
    private final String username;
    private final String password;
    private final SocketInitiator initiator;
    private final FileStoreFactory storeFactory;
    private final SessionSettings settings;
    private volatile boolean loggedOn;
    private volatile int logouts;
    private volatile java.util.function.Supplier<List<Message>> sendOnLogon;
    private final List<Integer> logonSeqNums = new java.util.concurrent.CopyOnWriteArrayList<>();

    TestFixClient(final int port, final String senderCompId, final Path storeDir) throws ConfigError
    {
        this(port, senderCompId, "MERIDIAN", null, null, storeDir);
    }

    TestFixClient(
        final int port, final String senderCompId, final String targetCompId, final String username,
        final String password, final Path storeDir) throws ConfigError
    {
        this("FIX.4.4", port, senderCompId, targetCompId, username, password, storeDir);
    }

    /** @param dataDictionary the QuickFIX/J dictionary (classpath resource or file) incoming messages must match. */
    TestFixClient(
        final int port, final String senderCompId, final String targetCompId, final String username,
        final String password, final Path storeDir, final String dataDictionary) throws ConfigError
    {
        this("FIX.4.4", port, senderCompId, targetCompId, username, password, storeDir, dataDictionary);
    }

    /**
     * A client of the given FIX version (FIX.4.2, FIX.4.4 or FIXT.1.1 with FIX 5.0 SP2), validating
     * against Meridian's dictionaries of it.
     */
    TestFixClient(
        final String beginString, final int port, final String senderCompId, final String targetCompId,
        final String username, final String password, final Path storeDir) throws ConfigError
    {
        this(beginString, port, senderCompId, targetCompId, username, password, storeDir,
            "fix/" + beginString.replace(".", "") + ".xml");
    }

    private TestFixClient(
        final String beginString, final int port, final String senderCompId, final String targetCompId,
        final String username, final String password, final Path storeDir, final String dataDictionary)
        throws ConfigError
    {
        this.sessionId = new SessionID(beginString, senderCompId, targetCompId);
        this.username = username;
        this.password = password;
        final String config = String.join("\n",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "HeartBtInt=30",
            "ReconnectInterval=1",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "UseDataDictionary=Y",
            "FIXT.1.1".equals(beginString) ?
                "TransportDataDictionary=fix/FIXT11.xml\nAppDataDictionary=fix/FIX50SP2.xml\nDefaultApplVerID=FIX.5.0SP2" :
                "DataDictionary=" + dataDictionary,
            "FileStorePath=" + storeDir.toAbsolutePath(),
            "[SESSION]",
            "BeginString=" + beginString,
            "SenderCompID=" + senderCompId,
            "TargetCompID=" + targetCompId,
            "SocketConnectHost=localhost",
            "SocketConnectPort=" + port,
            "");
        settings = new SessionSettings(new ByteArrayInputStream(config.getBytes(StandardCharsets.US_ASCII)));
        storeFactory = new FileStoreFactory(settings);
        initiator = new SocketInitiator(
            this, storeFactory, settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
    }

    /** Before {@link #start()}: every Logon carries ResetSeqNumFlag=Y (both sides start again from 1). */
    TestFixClient resetOnLogon()
    {
        settings.setBool(sessionId, "ResetOnLogon", true);
        return this;
    }

    TestFixClient start() throws ConfigError
    {
        initiator.start();
        return this;
    }

    TestFixClient awaitLogon() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!loggedOn)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("client " + sessionId + " did not log on");
            }
            Thread.sleep(10);
        }
        return this;
    }

    /**
     * Before {@link #start()}: moves the client's next outgoing MsgSeqNum on by {@code count}, as if it
     * had sent that many messages the counterparty never received (they are gap-filled on resend).
     */
    TestFixClient skipOutgoing(final int count) throws java.io.IOException
    {
        final quickfix.MessageStore store = storeFactory.create(sessionId);
        store.setNextSenderMsgSeqNum(store.getNextSenderMsgSeqNum() + count);
        if (store instanceof java.io.Closeable)
        {
            ((java.io.Closeable)store).close();
        }
        return this;
    }

    /** Every logon from now on sends {@code messages.get()} from QuickFIX/J's logon callback. */
    TestFixClient sendOnLogon(final java.util.function.Supplier<List<Message>> messages)
    {
        this.sendOnLogon = messages;
        return this;
    }

    boolean isLoggedOn()
    {
        return loggedOn;
    }

    int logouts()
    {
        return logouts;
    }

    void send(final Message message)
    {
        try
        {
            if (!Session.sendToTarget(message, sessionId))
            {
                throw new AssertionError("QuickFIX/J refused to send " + message);
            }
        }
        catch (final SessionNotFound e)
        {
            throw new AssertionError(e);
        }
    }

    Session session()
    {
        return Session.lookupSession(sessionId);
    }

    /** Waits for the next received message matching {@code filter}; earlier non-matching ones are kept. */
    Message await(final String description, final Predicate<Message> filter) throws InterruptedException
    {
        for (final Message message : seen)
        {
            if (filter.test(message))
            {
                seen.remove(message);
                return message;
            }
        }
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true)
        {
            final long remaining = deadline - System.nanoTime();
            final Message message = received.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            if (message == null)
            {
                throw new AssertionError("timed out waiting for " + description + "; unmatched: " + seen);
            }
            if (filter.test(message))
            {
                return message;
            }
            seen.add(message);
        }
    }

    /** Every message received and not yet consumed by {@link #await}, after waiting {@code quietMs}. */
    List<Message> drain(final long quietMs) throws InterruptedException
    {
        Message message;
        while ((message = received.poll(quietMs, TimeUnit.MILLISECONDS)) != null)
        {
            seen.add(message);
        }
        final List<Message> all = new ArrayList<>(seen);
        seen.clear();
        return all;
    }

    static String msgType(final Message message)
    {
        try
        {
            return message.getHeader().getString(MsgType.FIELD);
        }
        catch (final FieldNotFound e)
        {
            throw new AssertionError(e);
        }
    }

    static String field(final Message message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound e)
        {
            return null;
        }
    }

    /** The MsgSeqNum of every Logon received from the counterparty, in order. */
    List<Integer> logonSeqNums()
    {
        return logonSeqNums;
    }

    /** The MsgSeqNum the client expects next from the counterparty (its store's view). */
    int expectedIncomingSeqNum() throws java.io.IOException
    {
        return quickfix.Session.lookupSession(sessionId).getExpectedTargetNum();
    }

    /** Waits until the client has received more than {@code count} Logons. */
    void awaitLogons(final int count) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (logonSeqNums.size() <= count || !loggedOn)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("client " + sessionId + " saw " + logonSeqNums.size() + " Logons, wanted > " + count);
            }
            Thread.sleep(10);
        }
    }

    public void close()
    {
        initiator.stop(true);
    }

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
        loggedOn = true;
        final java.util.function.Supplier<List<Message>> onLogon = sendOnLogon;
        if (onLogon != null)
        {
            // from the logon callback, before QuickFIX/J processes what follows Meridian's Logon (a
            // ResendRequest after a gap): how an eager client races the resend
            onLogon.get().forEach(this::send);
        }
    }

    public void onLogout(final SessionID sessionId)
    {
        loggedOn = false;
        logouts++;
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
        if (MsgType.LOGON.equals(msgType(message)))
        {
            if (username != null)
            {
                message.setString(Username.FIELD, username);
            }
            if (password != null)
            {
                message.setString(Password.FIELD, password);
            }
        }
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        final String type = msgType(message);
        if (MsgType.LOGON.equals(type))
        {
            try
            {
                logonSeqNums.add(message.getHeader().getInt(quickfix.field.MsgSeqNum.FIELD));
            }
            catch (final quickfix.FieldNotFound e)
            {
                throw new IllegalStateException(e);
            }
        }
        if (MsgType.REJECT.equals(type) || MsgType.LOGOUT.equals(type))
        {
            received.add(message);
        }
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId)
    {
        received.add(message);
    }
}
