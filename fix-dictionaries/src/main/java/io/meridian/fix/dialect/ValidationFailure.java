package io.meridian.fix.dialect;

/**
 * Why a message broke its session's dictionary, with the FIX SessionRejectReason (373) it maps to and
 * the Reject Text (58) the FIX specification (or, for group structure, QuickFIX/J) words it with.
 */
public enum ValidationFailure
{
    NONE(-1, "valid"),
    INVALID_TAG_NUMBER(0, "Invalid tag number"),
    REQUIRED_TAG_MISSING(1, "Required tag missing"),
    TAG_NOT_DEFINED_FOR_MESSAGE_TYPE(2, "Tag not defined for this message type"),
    TAG_SPECIFIED_WITHOUT_A_VALUE(4, "Tag specified without a value"),
    VALUE_INCORRECT(5, "Value is incorrect (out of range) for this tag"),
    INCORRECT_DATA_FORMAT(6, "Incorrect data format for value"),
    INVALID_MSG_TYPE(11, "Invalid MsgType"),
    TAG_OUT_OF_REQUIRED_ORDER(14, "Tag specified out of required order"),
    /** A group member before the group's delimiter: the Text names both, see {@link MessageValidator#groupCountTag()}. */
    GROUP_DELIMITER_MISSING(15, "The group must set the delimiter field"),
    GROUP_MEMBERS_OUT_OF_ORDER(15, "Out of order repeating group members"),
    GROUP_COUNT_INCORRECT(16, "Incorrect NumInGroup count for repeating group");

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
