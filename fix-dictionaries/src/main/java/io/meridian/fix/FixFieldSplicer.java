package io.meridian.fix;

import org.agrona.DirectBuffer;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * Appends raw {@code tag=value<SOH>} fields to the body of a message that an Artio encoder has just
 * written, then rewrites BodyLength (9) and CheckSum (10). This is how dialect fields that are not in
 * the compiled dictionary (broker custom tags, venue logon extensions) reach the wire without
 * generating codecs per dialect.
 *
 * <p>Artio's header encoder leaves spare room before the message for BodyLength to grow, so the
 * message start moves left by at most a digit; nothing is allocated.
 */
public final class FixFieldSplicer
{
    private static final byte SOH = 1;
    private static final int CHECKSUM_FIELD_LENGTH = 7; // 10=NNN<SOH>

    private FixFieldSplicer()
    {
    }

    /**
     * @param buffer       the buffer the encoder wrote into.
     * @param encodeResult what {@link Encoder#encode(MutableAsciiBuffer, int)} returned.
     * @param fields       raw fields, each {@code tag=value<SOH>}.
     * @param fieldsOffset where the fields start.
     * @param fieldsLength their length in bytes; 0 returns {@code encodeResult} unchanged.
     * @return the encode result of the spliced message, for {@link Encoder#offset} and {@link Encoder#length}.
     */
    public static long append(
        final MutableAsciiBuffer buffer,
        final long encodeResult,
        final DirectBuffer fields,
        final int fieldsOffset,
        final int fieldsLength)
    {
        if (fieldsLength == 0)
        {
            return encodeResult;
        }
        final int start = Encoder.offset(encodeResult);
        final int end = start + Encoder.length(encodeResult);
        final int trailerStart = end - CHECKSUM_FIELD_LENGTH;
        final int beginStringEnd = indexOfSoh(buffer, start, end); // SOH ending 8=...
        final int bodyLengthEnd = indexOfSoh(buffer, beginStringEnd + 1, end); // SOH ending 9=...
        final int bodyStart = bodyLengthEnd + 1;

        final int newTrailerStart = trailerStart + fieldsLength;
        if (newTrailerStart + CHECKSUM_FIELD_LENGTH > buffer.capacity())
        {
            throw new IndexOutOfBoundsException("no room to append " + fieldsLength + " bytes of fields");
        }
        buffer.putBytes(trailerStart, fields, fieldsOffset, fieldsLength);

        final int bodyLength = newTrailerStart - bodyStart;
        final int digits = digits(bodyLength);
        final int beginStringFieldLength = beginStringEnd - start + 1;
        final int newStart = bodyStart - 1 - digits - 2 - beginStringFieldLength;
        if (newStart < 0)
        {
            throw new IndexOutOfBoundsException("no room before the message to grow BodyLength");
        }
        if (newStart != start)
        {
            // ascending copy is safe: the destination is left of the source
            for (int i = 0; i < beginStringFieldLength; i++)
            {
                buffer.putByte(newStart + i, buffer.getByte(start + i));
            }
        }
        int position = newStart + beginStringFieldLength;
        buffer.putByte(position++, (byte)'9');
        buffer.putByte(position++, (byte)'=');
        position += buffer.putNaturalIntAscii(position, bodyLength);
        buffer.putByte(position, SOH);

        int checksum = 0;
        for (int i = newStart; i < newTrailerStart; i++)
        {
            checksum += buffer.getByte(i) & 0xFF;
        }
        checksum &= 0xFF;
        position = newTrailerStart;
        buffer.putByte(position++, (byte)'1');
        buffer.putByte(position++, (byte)'0');
        buffer.putByte(position++, (byte)'=');
        buffer.putByte(position++, (byte)('0' + checksum / 100));
        buffer.putByte(position++, (byte)('0' + (checksum / 10) % 10));
        buffer.putByte(position++, (byte)('0' + checksum % 10));
        buffer.putByte(position++, SOH);
        return Encoder.result(position - newStart, newStart);
    }

    private static int indexOfSoh(final DirectBuffer buffer, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (buffer.getByte(i) == SOH)
            {
                return i;
            }
        }
        throw new IllegalArgumentException("not a FIX message: no field separator after " + from);
    }

    private static int digits(final int value)
    {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10)
        {
            digits++;
        }
        return digits;
    }
}
