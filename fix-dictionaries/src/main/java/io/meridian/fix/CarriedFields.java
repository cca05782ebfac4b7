package io.meridian.fix;

import org.agrona.DirectBuffer;
import org.agrona.collections.IntHashSet;

/** Copies chosen fields of a raw FIX message, as {@code tag=value<SOH>} text, to carry them elsewhere. */
public final class CarriedFields
{
    private CarriedFields()
    {
    }

    /** Appends the fields of the message whose tag is in {@code tags}, raw and in message order, to {@code into}. */
    public static void copy(
        final DirectBuffer buffer, final int offset, final int length, final IntHashSet tags, final StringBuilder into)
    {
        final int end = offset + length;
        int fieldStart = offset;
        while (fieldStart < end)
        {
            int tag = 0;
            int index = fieldStart;
            byte b;
            while (index < end && (b = buffer.getByte(index)) != '=')
            {
                tag = tag * 10 + (b - '0');
                index++;
            }
            int fieldEnd = index;
            while (fieldEnd < end && buffer.getByte(fieldEnd) != 1)
            {
                fieldEnd++;
            }
            if (tags.contains(tag) && fieldEnd < end)
            {
                for (int i = fieldStart; i <= fieldEnd; i++)
                {
                    into.append((char)buffer.getByte(i));
                }
            }
            fieldStart = fieldEnd + 1;
        }
    }
}
