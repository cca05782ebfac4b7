package io.meridian.fix.dialect;

/** Why a message broke its session's dictionary, with the FIX SessionRejectReason (373) it maps to. */
public enum ValidationFailure
{
    NONE(-1, "valid"),
    INVALID_TAG_NUMBER(0, "Invalid tag number"),
    REQUIRED_TAG_MISSING(1, "Required tag missing"),
    TAG_NOT_DEFINED_FOR_MESSAGE_TYPE(2, "Tag not defined for this message type"),
    VALUE_INCORRECT(5, "Value is incorrect (out of range) for this tag"),
    INCORRECT_DATA_FORMAT(6, "Incorrect data format for value"),
    INVALID_MSG_TYPE(11, "Invalid MsgType");

    private final int sessionRejectReason;
    private final String text;

    ValidationFailure(final int sessionRejectReason, final String text)
    {
        this.sessionRejectReason = sessionRejectReason;
        this.text = text;
    }

    /** @return the SessionRejectReason (373) value. */
    public int sessionRejectReason()
    {
        return sessionRejectReason;
    }

    public String text()
    {
        return text;
    }
}
