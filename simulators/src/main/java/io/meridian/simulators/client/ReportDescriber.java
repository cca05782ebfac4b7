package io.meridian.simulators.client;

import quickfix.FieldNotFound;
import quickfix.Message;

/**
 * Turns FIX messages into what a person reads: the message with visible {@code |} separators (the
 * Password, tag 554, masked), and for every ExecutionReport and reject one decoded line such as
 * {@code Filled 100 AAPL @ 190.10 (order TPFEM9.1, cum 100, leaves 0)}. Values are printed as sent.
 */
public final class ReportDescriber
{
    private static final char SOH = '\u0001';

    private ReportDescriber()
    {
    }

    /** The raw message, fields separated by {@code |}, the password masked. */
    public static String readable(final Message message)
    {
        return message.toString().replaceAll("(^|\u0001)554=[^\u0001]*", "$1554=***").replace(SOH, '|');
    }

    /** One line for ExecutionReports, Rejects, BusinessMessageRejects and OrderCancelRejects; null for others. */
    public static String describe(final Message message)
    {
        final String type = header(message, 35);
        if (type == null)
        {
            return null;
        }
        switch (type)
        {
            case "8": return executionReport(message);
            case "3": return "Session reject of our message " + or(field(message, 45), "?") + ": " +
                sessionRejectReason(field(message, 373)) + tagPart(field(message, 371)) + textPart(message);
            case "j": return "Business reject (" + businessRejectReason(field(message, 380)) + ")" + textPart(message);
            case "9": return "Cancel/replace rejected for ClOrdID " + field(message, 11) + orderPart(field(message, 37)) +
                ": " + cancelRejectReason(field(message, 102)) + textPart(message);
            default: return null;
        }
    }

    private static String executionReport(final Message m)
    {
        final String execType = or(field(m, 150), "?");
        final String ordStatus = field(m, 39);
        final String instrument = or(field(m, 55), "?");
        final String order = "order " + or(field(m, 37), "?");
        final String quantities = ", cum " + or(field(m, 14), "0") + ", leaves " + or(field(m, 151), "0");
        final String terms = side(field(m, 54)) + " " + or(field(m, 38), "?") + " " + instrument +
            (field(m, 44) != null ? " @ " + field(m, 44) : " at market") + " (" + order + ", ClOrdID " + field(m, 11) + ")";
        switch (execType)
        {
            case "F":
            case "1":
            case "2":
                final boolean filled = "2".equals(ordStatus);
                return (filled ? "Filled " : "Partially filled ") + or(field(m, 32), "?") + " " + instrument + " @ " +
                    or(field(m, 31), "?") + " (" + order + quantities + ", avg " + or(field(m, 6), "?") + ")";
            case "A": return "Pending new: " + terms;
            case "0": return "New: " + terms;
            case "8": return "Rejected: " + terms + " - " + or(field(m, 58), "no reason given") +
                (field(m, 103) != null ? " (OrdRejReason " + field(m, 103) + ")" : "");
            case "4": return "Canceled: " + terms + quantities.replace(", cum", " cum");
            case "C": return "Expired: " + terms + ", remainder " + or(field(m, 151), "0") + " not filled";
            case "5": return "Replaced: " + terms;
            case "6": return "Pending cancel: " + terms;
            case "E": return "Pending replace: " + terms;
            case "I": return "Status " + ordStatusName(ordStatus) + ": " + terms + quantities;
            default: return "ExecutionReport ExecType " + execType + ", OrdStatus " + ordStatusName(ordStatus) + ": " + terms;
        }
    }

    private static String side(final String side)
    {
        if (side == null)
        {
            return "?";
        }
        return switch (side)
        {
            case "1" -> "BUY";
            case "2" -> "SELL";
            case "5" -> "SELL SHORT";
            default -> "side " + side;
        };
    }

    private static String ordStatusName(final String status)
    {
        if (status == null)
        {
            return "?";
        }
        return switch (status)
        {
            case "0" -> "New";
            case "1" -> "Partially filled";
            case "2" -> "Filled";
            case "4" -> "Canceled";
            case "6" -> "Pending cancel";
            case "8" -> "Rejected";
            case "A" -> "Pending new";
            case "C" -> "Expired";
            case "E" -> "Pending replace";
            default -> status;
        };
    }

    private static String sessionRejectReason(final String reason)
    {
        if (reason == null)
        {
            return "rejected";
        }
        return switch (reason)
        {
            case "0" -> "invalid tag number";
            case "1" -> "required tag missing";
            case "2" -> "tag not defined for this message type";
            case "3" -> "undefined tag";
            case "4" -> "tag specified without a value";
            case "5" -> "value is incorrect (out of range) for this tag";
            case "6" -> "incorrect data format for value";
            case "9" -> "CompID problem";
            case "10" -> "SendingTime accuracy problem";
            case "11" -> "invalid MsgType";
            case "13" -> "tag appears more than once";
            default -> "reason " + reason;
        };
    }

    private static String businessRejectReason(final String reason)
    {
        if (reason == null)
        {
            return "no reason";
        }
        return switch (reason)
        {
            case "0" -> "other";
            case "1" -> "unknown ID";
            case "2" -> "unknown security";
            case "3" -> "unsupported message type";
            case "4" -> "application not available";
            case "5" -> "conditionally required field missing";
            default -> "reason " + reason;
        };
    }

    private static String cancelRejectReason(final String reason)
    {
        if (reason == null)
        {
            return "refused";
        }
        return switch (reason)
        {
            case "0" -> "too late to cancel";
            case "1" -> "unknown order";
            case "2" -> "broker option";
            case "3" -> "already pending cancel or replace";
            case "6" -> "duplicate ClOrdID";
            default -> "reason " + reason;
        };
    }

    private static String tagPart(final String tag)
    {
        return tag == null ? "" : " (tag " + tag + ")";
    }

    private static String orderPart(final String orderId)
    {
        return orderId == null || "NONE".equals(orderId) ? "" : " (order " + orderId + ")";
    }

    private static String textPart(final Message message)
    {
        final String text = field(message, 58);
        return text == null ? "" : " - " + text;
    }

    private static String or(final String value, final String fallback)
    {
        return value == null ? fallback : value;
    }

    private static String field(final Message message, final int tag)
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

    private static String header(final Message message, final int tag)
    {
        try
        {
            return message.getHeader().getString(tag);
        }
        catch (final FieldNotFound e)
        {
            return null;
        }
    }
}
