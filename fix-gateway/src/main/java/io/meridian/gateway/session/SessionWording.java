package io.meridian.gateway.session;

import io.meridian.fix.SessionRejectText;
import org.agrona.MutableDirectBuffer;
import uk.co.real_logic.artio.builder.AbstractRejectEncoder;
import uk.co.real_logic.artio.builder.SessionHeaderEncoder;
import uk.co.real_logic.artio.fields.RejectReason;

import java.nio.charset.StandardCharsets;

/**
 * What Meridian's session dictionaries change in the session messages Artio's session layer writes:
 * Reject Text and RefTagID (371) as the FIX specification words them, the Logout Text that follows a
 * SendingTime or CompID reject, and OrigSendingTime (122) on every PossDup SequenceReset-GapFill.
 * Runs inside the generated encoders' {@code encode}/{@code text}, without allocating.
 */
final class SessionWording
{
    private static final int COMP_ID_PROBLEM = 9;
    private static final int INVALID_MSG_TYPE = 11;
    private static final int MSG_TYPE_TAG = 35;
    private static final byte[] SENDING_TIME_LOGOUT =
        "SendingTime accuracy problem, field=52".getBytes(StandardCharsets.US_ASCII);
    // Artio's session layer words a reason as its enum name in lower case ("required tag missing")
    private static final byte[][] ARTIO_TEXT = new byte[RejectReason.values().length][];
    private static final byte[][] SPEC_TEXT = new byte[RejectReason.values().length][];

    static
    {
        final RejectReason[] reasons = RejectReason.values();
        for (int i = 0; i < reasons.length; i++)
        {
            ARTIO_TEXT[i] = reasons[i].name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
            final int representation = reasons[i].representation();
            SPEC_TEXT[i] = representation == RejectReason.SENDINGTIME_ACCURACY_PROBLEM.representation() ?
                SENDING_TIME_LOGOUT : SessionRejectText.asciiOf(representation);
        }
    }

    private SessionWording()
    {
    }

    /** Text as the specification names the reason; no RefTagID for a CompID problem, 35 for an invalid MsgType. */
    static void shapeReject(final AbstractRejectEncoder reject, final int reason, final boolean hasRefTagId)
    {
        reject.text(SessionRejectText.asciiOf(reason));
        if (reason == COMP_ID_PROBLEM)
        {
            reject.resetRefTagID();
        }
        else if (reason == INVALID_MSG_TYPE && !hasRefTagId)
        {
            reject.refTagID(MSG_TYPE_TAG);
        }
    }

    /** @return the specification's wording for an Artio reject-reason Logout text, or null to keep it. */
    static byte[] logoutText(final byte[] value, final int offset, final int length)
    {
        for (int i = 0; i < ARTIO_TEXT.length; i++)
        {
            final byte[] artio = ARTIO_TEXT[i];
            if (artio.length == length && equal(artio, value, offset))
            {
                return SPEC_TEXT[i];
            }
        }
        return null;
    }

    /**
     * A gap fill's OrigSendingTime is its SendingTime (as QuickFIX/J and most engines send it):
     * strict counterparties reject a PossDup message without it.
     */
    static void stampOrigSendingTime(final SessionHeaderEncoder header, final MutableDirectBuffer sendingTime)
    {
        final byte[] bytes = sendingTime.byteArray();
        if (bytes == null)
        {
            return;
        }
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0)
        {
            length--;
        }
        if (length > 0)
        {
            header.origSendingTime(bytes, 0, length);
        }
    }

    private static boolean equal(final byte[] expected, final byte[] value, final int offset)
    {
        if (offset + expected.length > value.length)
        {
            return false;
        }
        for (int i = 0; i < expected.length; i++)
        {
            if (expected[i] != value[offset + i])
            {
                return false;
            }
        }
        return true;
    }
}
