package io.meridian.fix;

import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.UnsafeBuffer;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * Raw {@code tag=value<SOH>} fields to append to an outgoing message: dialect fields carried from a
 * client to a venue or back. Reused; filling it does not allocate.
 */
public final class ExtraFields
{
    private static final int CAPACITY = 1024;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    private int length;

    public ExtraFields clear()
    {
        length = 0;
        return this;
    }

    /**
     * Appends the fields of {@code fields} (raw pairs) whose tag is in {@code allowed}; all of them when
     * {@code allowed} is null. Fields that would overflow the capacity are dropped whole.
     */
    public ExtraFields append(final CharSequence fields, final IntHashSet allowed)
    {
        return append(fields, allowed, null);
    }

    /**
     * Appends the fields of {@code fields} (raw pairs) whose tag is not in {@code excluded} (e.g. Meridian's own
     * routing instructions, which are not for the venue). Fields that would overflow the capacity are dropped whole.
     */
    public ExtraFields appendExcept(final CharSequence fields, final IntHashSet excluded)
    {
        return append(fields, null, excluded);
    }

    private ExtraFields append(final CharSequence fields, final IntHashSet allowed, final IntHashSet excluded)
    {
        int fieldStart = 0;
        final int end = fields.length();
        while (fieldStart < end)
        {
            int tag = 0;
            int i = fieldStart;
            char c;
            while (i < end && (c = fields.charAt(i)) != '=')
            {
                tag = tag * 10 + (c - '0');
                i++;
            }
            int fieldEnd = i;
            while (fieldEnd < end && fields.charAt(fieldEnd) != '\u0001')
            {
                fieldEnd++;
            }
            final int fieldLength = fieldEnd + 1 - fieldStart;
            if ((allowed == null || allowed.contains(tag)) && (excluded == null || !excluded.contains(tag)) &&
                fieldEnd < end && length + fieldLength <= CAPACITY)
            {
                for (int k = fieldStart; k <= fieldEnd; k++)
                {
                    buffer.putByte(length++, (byte)fields.charAt(k));
                }
            }
            fieldStart = fieldEnd + 1;
        }
        return this;
    }

    /** Appends the fields to a message an Artio encoder wrote; see {@link FixFieldSplicer}. */
    public long appendTo(final MutableAsciiBuffer message, final long encodeResult)
    {
        return FixFieldSplicer.append(message, encodeResult, buffer, 0, length);
    }
}
