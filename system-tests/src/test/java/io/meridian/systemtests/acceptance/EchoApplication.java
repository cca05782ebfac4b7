package io.meridian.systemtests.acceptance;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.meridian.fix.codecs.decoder.NewOrderSingleDecoder;
import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.fix.dialect.MessageDefinition;
import io.meridian.gateway.AcceptorSessions;
import org.agrona.DirectBuffer;
import uk.co.real_logic.artio.builder.Decoder;
import org.agrona.concurrent.UnsafeBuffer;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionAcquiredInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * The certification profile's application: what QuickFIX/J's acceptance-test application
 * (ATApplication / ATMessageCracker) does, on Meridian's acceptor. A valid NewOrderSingle is echoed
 * back to its sender unless it is a PossResend of a ClOrdID already seen on this logon, and so is a
 * SecurityDefinition; any other application message gets a BusinessMessageReject. Messages that
 * break the session's dictionary never get here: the production validation in front of every client
 * session ({@code ClientMessageValidation}) rejects them. Runs on the library's polling thread.
 */
final class EchoApplication implements AcceptorSessions
{
    private static final Set<Integer> NOT_ECHOED = Set.of(8, 9, 35, 34, 49, 56, 52, 10, 43, 122);
    private static final DateTimeFormatter SENDING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");

    private final String clientCompId;
    private final AtomicInteger activeSessions = new AtomicInteger();
    private volatile long lastSessionId = -1;

    EchoApplication(final String clientCompId)
    {
        this.clientCompId = clientCompId;
    }

    /** Sessions logged on right now: the runner waits for none before the next script. */
    int activeSessions()
    {
        return activeSessions.get();
    }

    /** The id of the client's session once it has logged on, else -1. */
    long lastSessionId()
    {
        return lastSessionId;
    }

    public boolean isClientSession(final Session session)
    {
        return clientCompId.equals(session.compositeKey().remoteCompId());
    }

    public SessionHandler onSessionAcquired(final Session session, final SessionAcquiredInfo acquiredInfo)
    {
        return new EchoHandler();
    }

    private final class EchoHandler implements SessionHandler
    {
        private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
        private final Decoder newOrderSingle44 = new NewOrderSingleDecoder();
        private final Decoder newOrderSingle42 = new io.meridian.fix42.codecs.decoder.NewOrderSingleDecoder();
        private final Set<String> clOrdIds = new HashSet<>();
        private boolean active;

        public Action onMessage(
            final DirectBuffer buffer, final int offset, final int length, final int libraryId,
            final Session session, final int sequenceIndex, final long messageType, final long timestampInNs,
            final long position, final OnMessageInfo messageInfo)
        {
            if (!messageInfo.isValid())
            {
                return CONTINUE;
            }
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            final FixMessage message = FixMessage.parse(new String(bytes, StandardCharsets.ISO_8859_1));
            final String msgType = message.get(35);
            if (msgType == null || isAdmin(msgType))
            {
                return CONTINUE;
            }
            if ("d".equals(msgType))
            {
                // QuickFIX/J's ATApplication echoes a SecurityDefinition too
                send(session, "d", echoBody(message, session.beginString()));
                return CONTINUE;
            }
            if (!"D".equals(msgType))
            {
                send(session, "j", "45=" + message.get(34) + "\u000158=Unsupported Message Type\u0001372=" + msgType +
                    "\u0001380=3\u0001");
                return CONTINUE;
            }
            ascii.wrap(buffer);
            final Decoder newOrderSingle = "FIX.4.2".equals(session.beginString()) ? newOrderSingle42 : newOrderSingle44;
            newOrderSingle.reset();
            newOrderSingle.decode(ascii, offset, length);
            if (!newOrderSingle.validate())
            {
                final int tag = newOrderSingle.invalidTagId();
                final int reason = newOrderSingle.rejectReason();
                send(session, "3", "45=" + message.get(34) + "\u000158=" + rejectText(reason) +
                    (tag > 0 ? ", field=" + tag + "\u0001371=" + tag : "") + "\u0001372=D\u0001" +
                    (hasSessionRejectReason(session.beginString(), reason) ? "373=" + reason + "\u0001" : ""));
                return CONTINUE;
            }
            final String clOrdId = message.get(11);
            if ("Y".equals(message.get(97)) && clOrdIds.contains(clOrdId))
            {
                return CONTINUE;
            }
            clOrdIds.add(clOrdId);
            send(session, "D", echoBody(message, session.beginString()));
            return CONTINUE;
        }

        /** The body as received, less an empty repeating group's count (QuickFIX/J drops empty groups). */
        private String echoBody(final FixMessage message, final String beginString)
        {
            final MessageDefinition definition = DialectDictionary.full(beginString).messages().get(message.get(35));
            final StringBuilder body = new StringBuilder();
            for (final FixMessage.Field field : message.fields())
            {
                final boolean emptyGroup = definition != null && definition.groups().containsKey(field.tag()) &&
                    "0".equals(field.value());
                if (!NOT_ECHOED.contains(field.tag()) && !emptyGroup)
                {
                    body.append(field.tag()).append('=').append(field.value()).append('\u0001');
                }
            }
            return body.toString();
        }

        private void send(final Session session, final String msgType, final String body)
        {
            final int seqNum = session.lastSentMsgSeqNum() + 1;
            final String headerAndBody = "35=" + msgType + "\u000134=" + seqNum +
                "\u000149=" + session.compositeKey().localCompId() +
                "\u000152=" + SENDING_TIME.format(LocalDateTime.now(ZoneOffset.UTC)) +
                "\u000156=" + session.compositeKey().remoteCompId() + "\u0001" + body;
            final String message = FixMessage.frame(session.beginString(), headerAndBody);
            final UnsafeBuffer out = new UnsafeBuffer(message.getBytes(StandardCharsets.ISO_8859_1));
            final long packedType = msgType.length() == 1 ? msgType.charAt(0) : 0;
            final long deadlineNs = System.nanoTime() + 1_000_000_000L;
            while (session.trySend(out, 0, out.capacity(), seqNum, packedType) <= 0 && System.nanoTime() < deadlineNs)
            {
                Thread.onSpinWait();
            }
        }

        public void onTimeout(final int libraryId, final Session session)
        {
        }

        public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
        {
        }

        public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
        {
            clOrdIds.clear();
            if (active)
            {
                active = false;
                activeSessions.decrementAndGet();
            }
            return CONTINUE;
        }

        public void onSessionStart(final Session session)
        {
            lastSessionId = session.id();
            if (!active)
            {
                active = true;
                activeSessions.incrementAndGet();
            }
        }
    }

    /** FIX 4.2 defines SessionRejectReason 0..11 only; QuickFIX/J leaves 373 out for the others. */
    private static boolean hasSessionRejectReason(final String beginString, final int reason)
    {
        return !"FIX.4.2".equals(beginString) || reason <= 11;
    }

    private static boolean isAdmin(final String msgType)
    {
        return msgType.length() == 1 && "0123456A".indexOf(msgType.charAt(0)) >= 0;
    }

    private static String rejectText(final int reason)
    {
        switch (reason)
        {
            case 0: return "Invalid tag number";
            case 1: return "Required tag missing";
            case 2: return "Tag not defined for this message type";
            case 4: return "Tag specified without a value";
            case 5: return "Value is incorrect (out of range) for this tag";
            case 6: return "Incorrect data format for value";
            case 13: return "Tag appears more than once";
            default: return "Invalid message";
        }
    }
}
