package io.meridian.fix;

import java.nio.charset.StandardCharsets;

/**
 * The Text (58) of a session Reject as the FIX specification names each SessionRejectReason (373),
 * e.g. "Required tag missing" for 1: counterparties' conformance suites compare it.
 */
public final class SessionRejectText
{
    /** SessionRejectReason 99. */
    public static final int OTHER = 99;

    private static final String[] TEXT = {
        "Invalid tag number",
        "Required tag missing",
        "Tag not defined for this message type",
        "Undefined Tag",
        "Tag specified without a value",
        "Value is incorrect (out of range) for this tag",
        "Incorrect data format for value",
        "Decryption problem",
        "Signature problem",
        "CompID problem",
        "SendingTime accuracy problem",
        "Invalid MsgType",
        "XML Validation error",
        "Tag appears more than once",
        "Tag specified out of required order",
        "Repeating group fields out of order",
        "Incorrect NumInGroup count for repeating group",
        "Non \"data\" value includes field delimiter (SOH character)",
        "Invalid/Unsupported Application Version",
    };
    private static final byte[][] ASCII = new byte[TEXT.length][];
    private static final byte[] OTHER_ASCII = "Other".getBytes(StandardCharsets.US_ASCII);

    static
    {
        for (int i = 0; i < TEXT.length; i++)
        {
            ASCII[i] = TEXT[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private SessionRejectText()
    {
    }

    /** @return the specification's name of the reason, "Other" for 99 and unknown values. */
    public static String of(final int sessionRejectReason)
    {
        return sessionRejectReason >= 0 && sessionRejectReason < TEXT.length ? TEXT[sessionRejectReason] : "Other";
    }

    /** @return {@link #of} as ASCII bytes (shared: do not modify). */
    public static byte[] asciiOf(final int sessionRejectReason)
    {
        return sessionRejectReason >= 0 && sessionRejectReason < ASCII.length ? ASCII[sessionRejectReason] : OTHER_ASCII;
    }

    /** @return the highest SessionRejectReason the FIX version defines (FIX 4.2: 11). */
    public static int highestReasonOf(final String beginString)
    {
        return "FIX.4.2".equals(beginString) ? 11 : OTHER;
    }
}
