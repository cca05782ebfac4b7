package io.meridian.fix.dialect;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntHashSet;
import org.agrona.collections.Long2ObjectHashMap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Checks raw FIX messages against a {@link DialectDictionary}: known MsgType, every tag defined and
 * allowed in that message, enumerated values and numeric formats, required fields present.
 * Compiled once per dictionary; {@link #validate} walks the bytes without allocating. Repeating
 * group structure is not checked (group members are simply allowed). Not thread-safe: one per thread.
 */
public final class MessageValidator
{
    private static final byte SOH = 1;
    private static final long MISSING_MSG_TYPE = 0;

    private final DialectDictionary dictionary;
    private final Long2ObjectHashMap<CompiledMessage> messages = new Long2ObjectHashMap<>();
    private final IntHashSet headerAndTrailer = new IntHashSet();
    private final Int2ObjectHashMap<byte[][]> enumValues = new Int2ObjectHashMap<>();
    private final Int2IntHashMap formats = new Int2IntHashMap(FORMAT_UNKNOWN_TAG);

    private static final int FORMAT_UNKNOWN_TAG = -1;
    private static final int FORMAT_ANY = 0;
    private static final int FORMAT_INT = 1;
    private static final int FORMAT_DECIMAL = 2;
    private static final int FORMAT_CHAR = 3;
    private static final int FORMAT_BOOLEAN = 4;
    private static final int FORMAT_LENGTH = 5;
    private static final int FORMAT_DATA = 6;

    private ValidationFailure failure = ValidationFailure.NONE;
    private int refTagId;
    private long msgType;

    public MessageValidator(final DialectDictionary dictionary)
    {
        this.dictionary = dictionary;
        headerAndTrailer.addAll(dictionary.headerAndTrailerTags());
        for (final FieldDefinition field : dictionary.fields().values())
        {
            formats.put(field.tag(), formatOf(field.type()));
            if (!field.values().isEmpty())
            {
                final byte[][] values = new byte[field.values().size()][];
                int i = 0;
                for (final String value : field.values().keySet())
                {
                    values[i++] = value.getBytes(StandardCharsets.US_ASCII);
                }
                enumValues.put(field.tag(), values);
            }
        }
        for (final MessageDefinition message : dictionary.messages().values())
        {
            messages.put(packMsgType(message.msgType()), new CompiledMessage(message));
        }
    }

    public DialectDictionary dictionary()
    {
        return dictionary;
    }

    /**
     * @return {@link ValidationFailure#NONE} when the message is valid; otherwise the failure, with
     * {@link #refTagId()} naming the offending tag (0 when there is none).
     */
    public ValidationFailure validate(final DirectBuffer buffer, final int offset, final int length)
    {
        failure = ValidationFailure.NONE;
        refTagId = 0;
        msgType = MISSING_MSG_TYPE;
        final int end = offset + length;

        // the MsgType decides what is allowed, so find it first (it is the third field)
        int position = offset;
        while (position < end && msgType == MISSING_MSG_TYPE)
        {
            final int equals = indexOf(buffer, position, end, (byte)'=');
            final int soh = indexOf(buffer, equals + 1, end, SOH);
            if (equals < 0 || soh < 0)
            {
                return fail(ValidationFailure.INCORRECT_DATA_FORMAT, 0);
            }
            if (parseTag(buffer, position, equals) == 35)
            {
                msgType = packMsgType(buffer, equals + 1, soh);
            }
            position = soh + 1;
        }
        final CompiledMessage message = messages.get(msgType);
        if (message == null)
        {
            return fail(ValidationFailure.INVALID_MSG_TYPE, 35);
        }

        long seenRequired = 0;
        int dataLength = -1;
        position = offset;
        while (position < end)
        {
            final int equals = indexOf(buffer, position, end, (byte)'=');
            if (equals < 0)
            {
                return fail(ValidationFailure.INCORRECT_DATA_FORMAT, 0);
            }
            final int tag = parseTag(buffer, position, equals);
            if (tag <= 0)
            {
                return fail(ValidationFailure.INVALID_TAG_NUMBER, 0);
            }
            final int format = formats.get(tag);
            final int valueStart = equals + 1;
            final int valueEnd;
            if (format == FORMAT_DATA && dataLength >= 0)
            {
                valueEnd = valueStart + dataLength; // binary data may hold SOH
                if (valueEnd >= end || buffer.getByte(valueEnd) != SOH)
                {
                    return fail(ValidationFailure.INCORRECT_DATA_FORMAT, tag);
                }
            }
            else
            {
                valueEnd = indexOf(buffer, valueStart, end, SOH);
                if (valueEnd < 0)
                {
                    return fail(ValidationFailure.INCORRECT_DATA_FORMAT, tag);
                }
            }
            dataLength = -1;

            if (format == FORMAT_UNKNOWN_TAG)
            {
                return fail(ValidationFailure.INVALID_TAG_NUMBER, tag);
            }
            final int requiredBit = message.requiredBits.get(tag);
            if (requiredBit >= 0)
            {
                seenRequired |= 1L << requiredBit;
            }
            else if (!message.allowed.contains(tag) && !headerAndTrailer.contains(tag))
            {
                return fail(ValidationFailure.TAG_NOT_DEFINED_FOR_MESSAGE_TYPE, tag);
            }
            if (valueEnd == valueStart || !formatMatches(format, buffer, valueStart, valueEnd))
            {
                return fail(ValidationFailure.INCORRECT_DATA_FORMAT, tag);
            }
            final byte[][] values = enumValues.get(tag);
            if (values != null && !oneOf(values, buffer, valueStart, valueEnd))
            {
                return fail(ValidationFailure.VALUE_INCORRECT, tag);
            }
            if (format == FORMAT_LENGTH)
            {
                dataLength = (int)parseLong(buffer, valueStart, valueEnd);
            }
            position = valueEnd + 1;
        }
        if (seenRequired != message.allRequired)
        {
            final long missing = message.allRequired & ~seenRequired;
            return fail(ValidationFailure.REQUIRED_TAG_MISSING, message.requiredTags[Long.numberOfTrailingZeros(missing)]);
        }
        return ValidationFailure.NONE;
    }

    /** @return the failure of the last {@link #validate}. */
    public ValidationFailure failure()
    {
        return failure;
    }

    /** @return the tag the last failure refers to, 0 when none. */
    public int refTagId()
    {
        return refTagId;
    }

    /** @return true when the last validated message's type is one an overlay added. */
    public boolean lastWasCustomMessage()
    {
        final CompiledMessage message = messages.get(msgType);
        return message != null && message.custom;
    }

    private ValidationFailure fail(final ValidationFailure failure, final int tag)
    {
        this.failure = failure;
        this.refTagId = tag;
        return failure;
    }

    private static boolean oneOf(final byte[][] values, final DirectBuffer buffer, final int start, final int end)
    {
        final int length = end - start;
        for (final byte[] value : values)
        {
            if (value.length == length)
            {
                int i = 0;
                while (i < length && value[i] == buffer.getByte(start + i))
                {
                    i++;
                }
                if (i == length)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean formatMatches(final int format, final DirectBuffer buffer, final int start, final int end)
    {
        switch (format)
        {
            case FORMAT_INT:
            case FORMAT_LENGTH:
                return isNumber(buffer, start, end, false);
            case FORMAT_DECIMAL:
                return isNumber(buffer, start, end, true);
            case FORMAT_CHAR:
                return end - start == 1;
            case FORMAT_BOOLEAN:
                return end - start == 1 && (buffer.getByte(start) == 'Y' || buffer.getByte(start) == 'N');
            default:
                return true;
        }
    }

    private static boolean isNumber(final DirectBuffer buffer, final int start, final int end, final boolean decimal)
    {
        int i = start;
        if (buffer.getByte(i) == '-')
        {
            i++;
        }
        boolean digits = false;
        boolean point = false;
        for (; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b >= '0' && b <= '9')
            {
                digits = true;
            }
            else if (b == '.' && decimal && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }
        return digits;
    }

    private static int formatOf(final String type)
    {
        switch (type)
        {
            case "INT":
            case "SEQNUM":
            case "NUMINGROUP":
            case "TAGNUM":
            case "DAYOFMONTH":
                return FORMAT_INT;
            case "LENGTH":
                return FORMAT_LENGTH;
            case "DATA":
                return FORMAT_DATA;
            case "FLOAT":
            case "QTY":
            case "PRICE":
            case "PRICEOFFSET":
            case "AMT":
            case "PERCENTAGE":
                return FORMAT_DECIMAL;
            case "CHAR":
                return FORMAT_CHAR;
            case "BOOLEAN":
                return FORMAT_BOOLEAN;
            default:
                return FORMAT_ANY;
        }
    }

    private static int indexOf(final DirectBuffer buffer, final int from, final int end, final byte b)
    {
        for (int i = from; i < end; i++)
        {
            if (buffer.getByte(i) == b)
            {
                return i;
            }
        }
        return -1;
    }

    private static int parseTag(final DirectBuffer buffer, final int start, final int end)
    {
        if (end - start < 1 || end - start > 9)
        {
            return -1;
        }
        int tag = 0;
        for (int i = start; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                return -1;
            }
            tag = tag * 10 + (b - '0');
        }
        return tag;
    }

    private static long parseLong(final DirectBuffer buffer, final int start, final int end)
    {
        long value = 0;
        for (int i = start; i < end && i - start < 18; i++)
        {
            value = value * 10 + (buffer.getByte(i) - '0');
        }
        return value;
    }

    private static long packMsgType(final DirectBuffer buffer, final int start, final int end)
    {
        if (end - start < 1 || end - start > 8)
        {
            return MISSING_MSG_TYPE - 1;
        }
        long packed = 0;
        for (int i = start; i < end; i++)
        {
            packed = (packed << 8) | (buffer.getByte(i) & 0xFF);
        }
        return packed;
    }

    private static long packMsgType(final String msgType)
    {
        long packed = 0;
        for (int i = 0; i < msgType.length(); i++)
        {
            packed = (packed << 8) | (msgType.charAt(i) & 0xFF);
        }
        return packed;
    }

    /** A message's allowed and required tags; required ones get a bit in a 64-bit mask. */
    private static final class CompiledMessage
    {
        private final IntHashSet allowed = new IntHashSet();
        private final Int2IntHashMap requiredBits = new Int2IntHashMap(-1);
        private final int[] requiredTags;
        private final long allRequired;
        private final boolean custom;

        private CompiledMessage(final MessageDefinition message)
        {
            this.custom = message.custom();
            int bit = 0;
            final int[] required = new int[64];
            for (final Map.Entry<Integer, Boolean> field : message.fields().entrySet())
            {
                final int tag = field.getKey();
                allowed.add(tag);
                if (field.getValue())
                {
                    if (bit == 64)
                    {
                        throw new IllegalArgumentException(message.name() + " has more than 64 required fields");
                    }
                    requiredBits.put(tag, bit);
                    required[bit++] = tag;
                }
            }
            this.requiredTags = Arrays.copyOf(required, bit);
            this.allRequired = bit == 64 ? -1L : (1L << bit) - 1;
        }
    }
}
