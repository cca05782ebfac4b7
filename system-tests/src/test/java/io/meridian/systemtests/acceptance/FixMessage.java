package io.meridian.systemtests.acceptance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A FIX message as the scripts see it: tag=value fields in wire order, SOH separated. */
final class FixMessage
{
    static final char SOH = '\u0001';

    /** One tag=value pair. */
    record Field(int tag, String value)
    {
    }

    private final List<Field> fields;

    private FixMessage(final List<Field> fields)
    {
        this.fields = fields;
    }

    /** Lenient: fields without a numeric tag are skipped. */
    static FixMessage parse(final String text)
    {
        final List<Field> fields = new ArrayList<>();
        int start = 0;
        while (start < text.length())
        {
            int end = text.indexOf(SOH, start);
            if (end < 0)
            {
                end = text.length();
            }
            final int equals = text.indexOf('=', start);
            if (equals > start && equals < end)
            {
                try
                {
                    fields.add(new Field(Integer.parseInt(text.substring(start, equals)), text.substring(equals + 1, end)));
                }
                catch (final NumberFormatException ignored)
                {
                    // not a field: garbage the scripts send on purpose
                }
            }
            start = end + 1;
        }
        return new FixMessage(fields);
    }

    /** @return the first value of the tag, or null. */
    String get(final int tag)
    {
        for (final Field field : fields)
        {
            if (field.tag() == tag)
            {
                return field.value();
            }
        }
        return null;
    }

    List<Field> fields()
    {
        return Collections.unmodifiableList(fields);
    }

    /** BeginString, BodyLength and CheckSum around the rest of a message. */
    static String frame(final String beginString, final String headerAndBody)
    {
        final String head = "8=" + beginString + SOH + "9=" + headerAndBody.length() + SOH + headerAndBody;
        return head + "10=" + checksum(head) + SOH;
    }

    static String checksum(final String message)
    {
        int sum = 0;
        for (int i = 0; i < message.length(); i++)
        {
            sum += message.charAt(i);
        }
        return String.format("%03d", sum & 0xFF);
    }
}
