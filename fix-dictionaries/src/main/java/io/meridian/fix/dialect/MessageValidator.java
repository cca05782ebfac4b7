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
 * allowed in that message, header before body before trailer, enumerated values (each token of a
 * multiple-value field), numeric, date and time formats, required fields present, and repeating
 * groups: the NumInGroup count, every instance starting with the group's delimiter, members in the
 * dictionary's order, nested groups likewise. Compiled once per dictionary; {@link #validate} walks
 * the bytes without allocating. Not thread-safe: one per thread.
 */
public final class MessageValidator
{
    /** {@link #refTagId()} when the failure names no tag. */
    public static final int NO_TAG = Integer.MIN_VALUE;

    private static final byte SOH = 1;
    private static final long MISSING_MSG_TYPE = 0;
    private static final int MAX_GROUP_DEPTH = 16;
    private static final int HEADER = 0;
    private static final int BODY = 1;
    private static final int TRAILER = 2;

    private static final int FORMAT_UNKNOWN_TAG = -1;
    private static final int FORMAT_ANY = 0;
    private static final int FORMAT_INT = 1;
    private static final int FORMAT_DECIMAL = 2;
    private static final int FORMAT_CHAR = 3;
    private static final int FORMAT_BOOLEAN = 4;
    private static final int FORMAT_LENGTH = 5;
    private static final int FORMAT_DATA = 6;
    private static final int FORMAT_TIMESTAMP = 7;
    private static final int FORMAT_DATE = 8;
    private static final int FORMAT_TIME = 9;
    private static final int FORMAT_MULTIPLE_VALUES = 10;

    private final DialectDictionary dictionary;
    private final Long2ObjectHashMap<CompiledMessage> messages = new Long2ObjectHashMap<>();
    private final IntHashSet headerTags = new IntHashSet();
    private final IntHashSet trailerTags = new IntHashSet();
    private final Int2ObjectHashMap<CompiledGroup> headerGroups = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<byte[][]> enumValues = new Int2ObjectHashMap<>();
    private final Int2IntHashMap formats = new Int2IntHashMap(FORMAT_UNKNOWN_TAG);

    private final CompiledGroup[] groupStack = new CompiledGroup[MAX_GROUP_DEPTH];
    private final int[] expectedInstances = new int[MAX_GROUP_DEPTH];
    private final int[] instances = new int[MAX_GROUP_DEPTH];
    private final int[] lastMember = new int[MAX_GROUP_DEPTH];
    private int depth;

    private ValidationFailure failure = ValidationFailure.NONE;
    private int refTagId = NO_TAG;
    private int groupCountTag;
    private int groupDelimiter;
    private long msgType;

    public MessageValidator(final DialectDictionary dictionary)
    {
        this.dictionary = dictionary;
        headerTags.addAll(dictionary.headerTags());
        for (final int tag : dictionary.headerAndTrailerTags())
        {
            if (!headerTags.contains(tag))
            {
                trailerTags.add(tag);
            }
        }
        for (final GroupDefinition group : dictionary.header().groups().values())
        {
            headerGroups.put(group.countTag(), new CompiledGroup(group));
        }
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
     * @return {@link ValidationFailure#NONE} when the message is valid; otherwise the first failure, with
     * {@link #refTagId()} naming the offending tag ({@link #NO_TAG} when there is none).
     */
    public ValidationFailure validate(final DirectBuffer buffer, final int offset, final int length)
    {
        failure = ValidationFailure.NONE;
        refTagId = NO_TAG;
        groupCountTag = 0;
        groupDelimiter = 0;
        msgType = MISSING_MSG_TYPE;
        depth = 0;
        final int end = offset + length;

        // the MsgType decides what is allowed, so find it first (it is the third field)
        int position = offset;
        while (position < end && msgType == MISSING_MSG_TYPE)
        {
            final int equals = indexOf(buffer, position, end, (byte)'=');
            final int soh = indexOf(buffer, equals + 1, end, SOH);
            if (equals < 0 || soh < 0)
            {
                return fail(ValidationFailure.INCORRECT_DATA_FORMAT, NO_TAG);
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
        int section = HEADER;
        position = offset;
        while (position < end)
        {
            final int equals = indexOf(buffer, position, end, (byte)'=');
            if (equals < 0)
            {
                return fail(ValidationFailure.INCORRECT_DATA_FORMAT, NO_TAG);
            }
            final int tag = parseTag(buffer, position, equals);
            if (tag == NO_TAG)
            {
                return fail(ValidationFailure.INVALID_TAG_NUMBER, NO_TAG);
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
            if (valueEnd == valueStart)
            {
                return fail(ValidationFailure.TAG_SPECIFIED_WITHOUT_A_VALUE, tag);
            }
            final int groupPlace = placeInOpenGroups(tag);
            if (groupPlace < 0)
            {
                return failure;
            }
            final boolean inGroup = groupPlace > 0;
            if (!inGroup)
            {
                if (headerTags.contains(tag))
                {
                    if (section != HEADER)
                    {
                        return fail(ValidationFailure.TAG_OUT_OF_REQUIRED_ORDER, tag);
                    }
                }
                else if (trailerTags.contains(tag))
                {
                    section = TRAILER;
                }
                else
                {
                    if (section == TRAILER)
                    {
                        return fail(ValidationFailure.TAG_OUT_OF_REQUIRED_ORDER, tag);
                    }
                    section = BODY;
                    final int requiredBit = message.requiredBits.get(tag);
                    if (requiredBit >= 0)
                    {
                        seenRequired |= 1L << requiredBit;
                    }
                    else if (!message.allowed.contains(tag))
                    {
                        return fail(ValidationFailure.TAG_NOT_DEFINED_FOR_MESSAGE_TYPE, tag);
                    }
                }
            }
            if (!formatMatches(format, buffer, valueStart, valueEnd))
            {
                return fail(ValidationFailure.INCORRECT_DATA_FORMAT, tag);
            }
            final byte[][] values = enumValues.get(tag);
            if (values != null && !(format == FORMAT_MULTIPLE_VALUES ?
                eachOneOf(values, buffer, valueStart, valueEnd) : oneOf(values, buffer, valueStart, valueEnd)))
            {
                return fail(ValidationFailure.VALUE_INCORRECT, tag);
            }
            if (format == FORMAT_LENGTH)
            {
                dataLength = (int)parseLong(buffer, valueStart, valueEnd);
            }
            final CompiledGroup opened = inGroup ? groupStack[depth - 1].nested.get(tag) :
                section == HEADER ? headerGroups.get(tag) : message.groups.get(tag);
            if (opened != null)
            {
                if (depth == MAX_GROUP_DEPTH)
                {
                    return fail(ValidationFailure.GROUP_COUNT_INCORRECT, tag);
                }
                groupStack[depth] = opened;
                expectedInstances[depth] = (int)Math.min(Integer.MAX_VALUE, parseLong(buffer, valueStart, valueEnd));
                instances[depth] = 0;
                lastMember[depth] = -1;
                depth++;
            }
            position = valueEnd + 1;
        }
        while (depth > 0)
        {
            if (!closeGroup())
            {
                return failure;
            }
        }
        if (seenRequired != message.allRequired)
        {
            final long missing = message.allRequired & ~seenRequired;
            return fail(ValidationFailure.REQUIRED_TAG_MISSING, message.requiredTags[Long.numberOfTrailingZeros(missing)]);
        }
        return ValidationFailure.NONE;
    }

    /**
     * Places a tag in the innermost open group that has it, closing the groups it ends.
     * @return 1 when it is a member of an open group, 0 when it is outside every group, -1 on a failure.
     */
    private int placeInOpenGroups(final int tag)
    {
        while (depth > 0)
        {
            final int top = depth - 1;
            final CompiledGroup group = groupStack[top];
            if (tag == group.delimiter)
            {
                if (instances[top] == expectedInstances[top])
                {
                    fail(ValidationFailure.GROUP_COUNT_INCORRECT, group.countTag);
                    return -1;
                }
                instances[top]++;
                lastMember[top] = 0;
                return 1;
            }
            final int member = group.memberIndex.get(tag);
            if (member >= 0)
            {
                if (instances[top] == 0)
                {
                    fail(ValidationFailure.GROUP_DELIMITER_MISSING, tag);
                    groupCountTag = group.countTag;
                    groupDelimiter = group.delimiter;
                    return -1;
                }
                if (member <= lastMember[top])
                {
                    fail(ValidationFailure.GROUP_MEMBERS_OUT_OF_ORDER, tag);
                    return -1;
                }
                lastMember[top] = member;
                return 1;
            }
            if (!closeGroup())
            {
                return -1;
            }
        }
        return 0;
    }

    private boolean closeGroup()
    {
        final int top = --depth;
        if (instances[top] != expectedInstances[top])
        {
            fail(ValidationFailure.GROUP_COUNT_INCORRECT, groupStack[top].countTag);
            return false;
        }
        return true;
    }

    /** @return true when the last failure names a tag ({@link #refTagId()}). */
    public boolean hasRefTagId()
    {
        return refTagId != NO_TAG;
    }

    /** @return for {@link ValidationFailure#GROUP_DELIMITER_MISSING}, the group's NumInGroup tag. */
    public int groupCountTag()
    {
        return groupCountTag;
    }

    /** @return for {@link ValidationFailure#GROUP_DELIMITER_MISSING}, the tag the group's instances start with. */
    public int groupDelimiter()
    {
        return groupDelimiter;
    }

    /** @return the failure of the last {@link #validate}. */
    public ValidationFailure failure()
    {
        return failure;
    }

    /** @return the tag the last failure refers to, {@link #NO_TAG} when none. */
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
            case FORMAT_TIMESTAMP:
                return end - start >= 17 && isDate(buffer, start, start + 8) && buffer.getByte(start + 8) == '-' &&
                    isTime(buffer, start + 9, end);
            case FORMAT_DATE:
                return isDate(buffer, start, end);
            case FORMAT_TIME:
                return isTime(buffer, start, end);
            default:
                return true;
        }
    }

    /** YYYYMMDD. */
    private static boolean isDate(final DirectBuffer buffer, final int start, final int end)
    {
        if (end - start != 8 || !allDigits(buffer, start, end))
        {
            return false;
        }
        final int month = twoDigits(buffer, start + 4);
        final int day = twoDigits(buffer, start + 6);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** HH:MM:SS with an optional fraction of 1 to 9 digits (leap second 60 allowed). */
    private static boolean isTime(final DirectBuffer buffer, final int start, final int end)
    {
        final int length = end - start;
        if (length < 8 || buffer.getByte(start + 2) != ':' || buffer.getByte(start + 5) != ':' ||
            !allDigits(buffer, start, start + 2) || !allDigits(buffer, start + 3, start + 5) ||
            !allDigits(buffer, start + 6, start + 8))
        {
            return false;
        }
        if (twoDigits(buffer, start) > 23 || twoDigits(buffer, start + 3) > 59 || twoDigits(buffer, start + 6) > 60)
        {
            return false;
        }
        if (length == 8)
        {
            return true;
        }
        return length >= 10 && length <= 17 && buffer.getByte(start + 8) == '.' && allDigits(buffer, start + 9, end);
    }

    private static boolean allDigits(final DirectBuffer buffer, final int start, final int end)
    {
        for (int i = start; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static int twoDigits(final DirectBuffer buffer, final int at)
    {
        return (buffer.getByte(at) - '0') * 10 + (buffer.getByte(at + 1) - '0');
    }

    /** A multiple-value field: space-separated tokens, each one of the values. */
    private static boolean eachOneOf(final byte[][] values, final DirectBuffer buffer, final int start, final int end)
    {
        int tokenStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i == end || buffer.getByte(i) == ' ')
            {
                if (i == tokenStart || !oneOf(values, buffer, tokenStart, i))
                {
                    return false;
                }
                tokenStart = i + 1;
            }
        }
        return true;
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
            case "XMLDATA":
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
            case "UTCTIMESTAMP":
            case "TIME":
                return FORMAT_TIMESTAMP;
            case "UTCDATEONLY":
            case "UTCDATE":
            case "LOCALMKTDATE":
            case "DATE":
                return FORMAT_DATE;
            case "UTCTIMEONLY":
                return FORMAT_TIME;
            case "MULTIPLEVALUESTRING":
            case "MULTIPLECHARVALUE":
            case "MULTIPLESTRINGVALUE":
                return FORMAT_MULTIPLE_VALUES;
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

    /** @return the tag, negative ones included (they are reported as invalid tags); NO_TAG when not a number. */
    private static int parseTag(final DirectBuffer buffer, final int start, final int end)
    {
        final boolean negative = end > start && buffer.getByte(start) == '-';
        final int digitsStart = negative ? start + 1 : start;
        if (end - digitsStart < 1 || end - digitsStart > 9)
        {
            return NO_TAG;
        }
        int tag = 0;
        for (int i = digitsStart; i < end; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < '0' || b > '9')
            {
                return NO_TAG;
            }
            tag = tag * 10 + (b - '0');
        }
        return negative ? -tag : tag;
    }

    /** A non-negative count or length; -1 for a negative value (already checked to be a number). */
    private static long parseLong(final DirectBuffer buffer, final int start, final int end)
    {
        if (buffer.getByte(start) == '-')
        {
            return -1;
        }
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
        private final Int2ObjectHashMap<CompiledGroup> groups = new Int2ObjectHashMap<>();

        private CompiledMessage(final MessageDefinition message)
        {
            this.custom = message.custom();
            for (final GroupDefinition group : message.groups().values())
            {
                groups.put(group.countTag(), new CompiledGroup(group));
            }
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

    /** A repeating group's delimiter, member order and nested groups. */
    private static final class CompiledGroup
    {
        private final int countTag;
        private final int delimiter;
        private final Int2IntHashMap memberIndex = new Int2IntHashMap(-1);
        private final Int2ObjectHashMap<CompiledGroup> nested = new Int2ObjectHashMap<>();

        private CompiledGroup(final GroupDefinition group)
        {
            this.countTag = group.countTag();
            this.delimiter = group.delimiter();
            int index = 0;
            for (final int member : group.members())
            {
                memberIndex.put(member, index++);
            }
            for (final GroupDefinition inner : group.groups().values())
            {
                nested.put(inner.countTag(), new CompiledGroup(inner));
            }
        }
    }
}
