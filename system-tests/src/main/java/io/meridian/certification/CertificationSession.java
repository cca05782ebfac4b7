package io.meridian.certification;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.Password;
import quickfix.field.ResetSeqNumFlag;
import quickfix.field.Username;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One FIX client session of the certification kit (a QuickFIX/J initiator, in-memory store so
 * that sequence numbers survive a logout within one run): sends messages and waits for the ones
 * it expects, admin messages included, keeping what it skipped for later waits.
 */
final class CertificationSession implements Application, AutoCloseable
{
    private final SessionID sessionId;
    private final String username;
    private final String password;
    private final SocketInitiator initiator;
    private final LinkedBlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final List<Message> skipped = new ArrayList<>();
    private volatile boolean loggedOn;
    private boolean firstLogon = true;

    CertificationSession(final CertificationOptions options, final String senderCompId, final String username,
        final String password) throws ConfigError
    {
        this.sessionId = new SessionID(options.beginString(), senderCompId, options.targetCompId());
        this.username = username;
        this.password = password;
        final String config = String.join("\n",
            "[DEFAULT]",
            "ConnectionType=initiator",
            "HeartBtInt=" + options.heartbeatSeconds(),
            "ReconnectInterval=1",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "UseDataDictionary=N",
            "[SESSION]",
            "BeginString=" + options.beginString(),
            "FIXT.1.1".equals(options.beginString()) ? "DefaultApplVerID=FIX.5.0SP2" : "",
            "SenderCompID=" + senderCompId,
            "TargetCompID=" + options.targetCompId(),
            "SocketConnectHost=" + options.host(),
            "SocketConnectPort=" + options.port(),
            "");
        final SessionSettings settings = new SessionSettings(
            new ByteArrayInputStream(config.getBytes(StandardCharsets.US_ASCII)));
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new quickfix.SLF4JLogFactory(settings),
            new DefaultMessageFactory());
    }

    String senderCompId()
    {
        return sessionId.getSenderCompID();
    }

    CertificationSession start() throws ConfigError
    {
        initiator.start();
        return this;
    }

    boolean awaitLoggedOn(final boolean expected, final Duration timeout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (loggedOn != expected)
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    void logout()
    {
        Session.lookupSession(sessionId).logout("certification: disconnect scenario");
    }

    void logon()
    {
        Session.lookupSession(sessionId).logon();
    }

    void send(final Message message)
    {
        try
        {
            if (!Session.sendToTarget(message, sessionId))
            {
                throw new IllegalStateException("not sent (session not logged on?): " + message);
            }
        }
        catch (final SessionNotFound e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets the messages earlier waits skipped: each scenario waits only for its own answers. */
    void discardSkipped()
    {
        synchronized (skipped)
        {
            skipped.clear();
        }
    }

    /** Waits for the first message, skipped ones included, matching the filter; null on timeout. */
    Message await(final Predicate<Message> filter, final Duration timeout) throws InterruptedException
    {
        synchronized (skipped)
        {
            for (int i = 0; i < skipped.size(); i++)
            {
                if (filter.test(skipped.get(i)))
                {
                    return skipped.remove(i);
                }
            }
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true)
        {
            final long leftNs = deadline - System.nanoTime();
            if (leftNs <= 0)
            {
                return null;
            }
            final Message message = inbox.poll(leftNs, TimeUnit.NANOSECONDS);
            if (message == null)
            {
                return null;
            }
            if (filter.test(message))
            {
                return message;
            }
            synchronized (skipped)
            {
                skipped.add(message);
            }
        }
    }

    static String field(final Message message, final int tag)
    {
        try
        {
            if (message.isSetField(tag))
            {
                return message.getString(tag);
            }
            return message.getHeader().isSetField(tag) ? message.getHeader().getString(tag) : null;
        }
        catch (final FieldNotFound e)
        {
            return null;
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
    }

    public void onLogout(final SessionID sessionId)
    {
        loggedOn = false;
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
        if ("A".equals(field(message, 35)))
        {
            // each run starts both sides' sequence numbers afresh (the kit keeps no store between runs);
            // later Logons of the run continue them, so a resend after a disconnect is tested
            if (firstLogon)
            {
                message.setBoolean(ResetSeqNumFlag.FIELD, true);
                firstLogon = false;
            }
            if (username != null)
            {
                message.setField(new Username(username));
            }
            if (password != null)
            {
                message.setField(new Password(password));
            }
        }
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        inbox.add(message);
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId)
    {
        inbox.add(message);
    }
}
