package io.meridian.gateway;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.meridian.fix.SessionRejectText;
import io.meridian.fix.codecs.builder.RejectEncoder;
import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.fix.dialect.MessageValidator;
import io.meridian.fix.dialect.ValidationFailure;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.aeron.logbuffer.ControlledFragmentHandler.Action.CONTINUE;

/**
 * Validates every inbound message of every client session, before the application sees it, against
 * the full dictionary of the session's FIX version (its dialect's overlay included): unknown tags, tags
 * not defined for the message type, enumerated values, data formats, repeating group counts, delimiters
 * and member order, header/body/trailer order, required fields. A message that breaks it is answered with
 * a session Reject (35=3) worded as the FIX specification does, with RefSeqNum, RefTagID (371),
 * RefMsgType and SessionRejectReason (373; FIX 4.2 only up to 11), reverse-routed for hub clients, and
 * goes no further. Artio's session layer has already checked the session-level rules (sequence numbers,
 * CompIDs, SendingTime, checksum, body length); messages it marked invalid pass through untouched.
 * One instance per library thread: validators are compiled once per dictionary and reused.
 */
final class ClientMessageValidation
{
    private static final Logger LOG = LoggerFactory.getLogger(ClientMessageValidation.class);
    private static final long SEND_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Map<DialectDictionary, MessageValidator> validators = new IdentityHashMap<>();
    private final RejectEncoder reject = new RejectEncoder();
    private final StringBuilder text = new StringBuilder(64);
    private final char[] refMsgType = new char[16];

    /** @return {@code application} behind the validation of {@code session}'s inbound messages. */
    SessionHandler wrap(final SessionHandler application, final Session session, final AcceptorSessions owner)
    {
        final DialectDictionary dictionary = owner.validationDictionary(session);
        final MessageValidator validator = validators.computeIfAbsent(dictionary, MessageValidator::new);
        return new ValidatedHandler(application, validator, owner);
    }

    private boolean sendReject(
        final Session session, final MessageValidator validator, final DirectBuffer buffer, final int offset,
        final int length)
    {
        final ValidationFailure failure = validator.failure();
        reject.reset();
        final int seqNum = intValue(buffer, offset, length, 34);
        reject.refSeqNum(Math.max(seqNum, 0));
        final int refMsgTypeLength = refMsgType(buffer, offset, length);
        if (refMsgTypeLength > 0)
        {
            reject.refMsgType(refMsgType, refMsgTypeLength);
        }
        final int reason = failure.sessionRejectReason();
        if (reason <= SessionRejectText.highestReasonOf(session.beginString()))
        {
            reject.sessionRejectReason(reason);
        }
        if (validator.hasRefTagId())
        {
            reject.refTagID(validator.refTagId());
        }
        text.setLength(0);
        if (failure == ValidationFailure.GROUP_DELIMITER_MISSING)
        {
            text.append("The group ").append(validator.groupCountTag())
                .append(" must set the delimiter field ").append(validator.groupDelimiter());
        }
        else
        {
            // QuickFIX/J words it so too: the specification's reason, then the tag
            text.append(failure.text());
            if (validator.hasRefTagId())
            {
                text.append(", field=").append(validator.refTagId());
            }
        }
        reject.text(text);
        reject.header().beginString(session.beginString());
        ReverseRoute.apply(reject.header(), buffer, offset, length);
        final long deadlineNs = System.nanoTime() + SEND_TIMEOUT_NS;
        do
        {
            if (session.trySend(reject) > 0)
            {
                return true;
            }
            Thread.onSpinWait();
        }
        while (System.nanoTime() < deadlineNs);
        LOG.error("event=session_send_failed sessionId={} msgType=3", session.id());
        return false;
    }

    private int refMsgType(final DirectBuffer buffer, final int offset, final int length)
    {
        final int start = valueStart(buffer, offset, length, 35);
        if (start < 0)
        {
            return 0;
        }
        int i = 0;
        final int end = offset + length;
        for (int index = start; index < end && i < refMsgType.length; index++)
        {
            final byte b = buffer.getByte(index);
            if (b == 1)
            {
                break;
            }
            refMsgType[i++] = (char)b;
        }
        return i;
    }

    private static int intValue(final DirectBuffer buffer, final int offset, final int length, final int tag)
    {
        final int start = valueStart(buffer, offset, length, tag);
        if (start < 0)
        {
            return -1;
        }
        int value = 0;
        final int end = offset + length;
        for (int index = start; index < end; index++)
        {
            final byte b = buffer.getByte(index);
            if (b < '0' || b > '9')
            {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** @return the index of the first byte of {@code tag}'s value, or -1. */
    private static int valueStart(final DirectBuffer buffer, final int offset, final int length, final int tag)
    {
        final int end = offset + length;
        int fieldStart = offset;
        while (fieldStart < end)
        {
            int parsedTag = 0;
            int index = fieldStart;
            byte b;
            while (index < end && (b = buffer.getByte(index)) != '=')
            {
                parsedTag = b >= '0' && b <= '9' ? parsedTag * 10 + (b - '0') : -1_000_000;
                index++;
            }
            if (parsedTag == tag)
            {
                return index + 1;
            }
            while (index < end && buffer.getByte(index) != 1)
            {
                index++;
            }
            fieldStart = index + 1;
        }
        return -1;
    }

    private final class ValidatedHandler implements SessionHandler
    {
        private final SessionHandler application;
        private final MessageValidator validator;
        private final AcceptorSessions owner;
        /** Artio's last received MsgSeqNum after the previous message of the session; -1 before one */
        private int lastReceivedBefore = -1;

        ValidatedHandler(final SessionHandler application, final MessageValidator validator, final AcceptorSessions owner)
        {
            this.application = application;
            this.validator = validator;
            this.owner = owner;
        }

        public Action onMessage(
            final DirectBuffer buffer, final int offset, final int length, final int libraryId,
            final Session session, final int sequenceIndex, final long messageType, final long timestampInNs,
            final long position, final OnMessageInfo messageInfo)
        {
            if (!messageInfo.isValid())
            {
                undoCountOfRejectedResend(buffer, offset, length, session);
            }
            final Action action;
            if (messageInfo.isValid() && validator.validate(buffer, offset, length) != ValidationFailure.NONE)
            {
                final boolean sent = sendReject(session, validator, buffer, offset, length);
                owner.onValidationReject(session, validator.failure(), sent);
                LOG.warn("event=message_invalid sessionId={} seqNum={} failure={} tag={}", session.id(),
                    intValue(buffer, offset, length, 34), validator.failure(),
                    validator.hasRefTagId() ? validator.refTagId() : -1);
                action = CONTINUE;
            }
            else
            {
                action = application.onMessage(
                    buffer, offset, length, libraryId, session, sequenceIndex, messageType, timestampInNs, position,
                    messageInfo);
            }
            lastReceivedBefore = session.lastReceivedMsgSeqNum();
            return action;
        }

        /**
         * Artio 0.175 rejects a PossDup resend it finds invalid (no OrigSendingTime, say) and then counts
         * it as the next message received, although its MsgSeqNum was one already processed: the
         * counterparty's real next message would then be refused as "too low" and the session lost.
         * Only that exact step (a resend at or below the count before it, the count up by one) is undone.
         */
        private void undoCountOfRejectedResend(
            final DirectBuffer buffer, final int offset, final int length, final Session session)
        {
            final int possDup = valueStart(buffer, offset, length, 43);
            final int msgSeqNum = intValue(buffer, offset, length, 34);
            if (lastReceivedBefore > 0 && possDup >= 0 && buffer.getByte(possDup) == 'Y' &&
                msgSeqNum > 0 && msgSeqNum <= lastReceivedBefore &&
                session.lastReceivedMsgSeqNum() == lastReceivedBefore + 1)
            {
                ReceivedSequenceNumbers.rewind(session, lastReceivedBefore);
                LOG.warn("event=rejected_resend_not_counted sessionId={} msgSeqNum={} lastReceived={}",
                    session.id(), msgSeqNum, lastReceivedBefore);
            }
        }

        public void onTimeout(final int libraryId, final Session session)
        {
            application.onTimeout(libraryId, session);
        }

        public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
        {
            application.onSlowStatus(libraryId, session, hasBecomeSlow);
        }

        public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
        {
            return application.onDisconnect(libraryId, session, reason);
        }

        public void onSessionStart(final Session session)
        {
            lastReceivedBefore = -1;
            application.onSessionStart(session);
        }
    }
}
