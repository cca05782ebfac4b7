package io.meridian.fix;

import io.meridian.fix.codecs.builder.HeartbeatEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.agrona.concurrent.UnsafeBuffer;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FixFieldSplicerTest
{
    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);

    @Test
    void appendsFieldsAndRewritesBodyLengthAndChecksum()
    {
        final long result = heartbeat("T1").encode(buffer, 0);
        final String extra = "9001=ABC\u00019002=7\u0001";
        final long spliced = FixFieldSplicer.append(buffer, result, fields(extra), 0, extra.length());

        final String message = text(spliced);
        assertThat(message).contains("\u0001112=T1\u00019001=ABC\u00019002=7\u000110=");
        assertWellFormed(message);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 30, 200})
    void bodyLengthGrowingADigitMovesTheStartLeft(final int padding)
    {
        // a body just under 100 / 1000 bytes crosses a digit boundary when fields are appended
        final String testReqId = "X".repeat(padding + 1);
        final long result = heartbeat(testReqId).encode(buffer, 0);
        final String field = "9001=" + "Y".repeat(80) + "\u0001";
        final long spliced = FixFieldSplicer.append(buffer, result, fields(field), 0, field.length());

        final String message = text(spliced);
        assertThat(message).startsWith("8=FIX.4.4\u00019=").contains(field);
        assertWellFormed(message);
    }

    @Test
    void nothingToAppendLeavesTheMessageAlone()
    {
        final long result = heartbeat("T1").encode(buffer, 0);
        assertThat(FixFieldSplicer.append(buffer, result, fields(""), 0, 0)).isEqualTo(result);
    }

    private static HeartbeatEncoder heartbeat(final String testReqId)
    {
        final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
        heartbeat.header().senderCompID("A").targetCompID("B").msgSeqNum(7).sendingTime("20260101-00:00:00.000".getBytes(StandardCharsets.US_ASCII));
        heartbeat.testReqID(testReqId);
        return heartbeat;
    }

    private static UnsafeBuffer fields(final String fields)
    {
        return new UnsafeBuffer(fields.getBytes(StandardCharsets.US_ASCII));
    }

    private String text(final long result)
    {
        return buffer.getStringWithoutLengthAscii(Encoder.offset(result), Encoder.length(result));
    }

    /** Checks BodyLength and CheckSum the way a counterparty does, independently of the splicer. */
    static void assertWellFormed(final String message)
    {
        final int bodyLengthStart = message.indexOf("\u00019=") + 3;
        final int bodyStart = message.indexOf('\u0001', bodyLengthStart) + 1;
        final int trailerStart = message.lastIndexOf("\u000110=") + 1;
        assertThat(Integer.parseInt(message.substring(bodyLengthStart, bodyStart - 1)))
            .as("BodyLength").isEqualTo(trailerStart - bodyStart);
        int sum = 0;
        for (int i = 0; i < trailerStart; i++)
        {
            sum += message.charAt(i);
        }
        assertThat(message.substring(trailerStart + 3, trailerStart + 6))
            .as("CheckSum").isEqualTo(String.format("%03d", sum % 256));
        assertThat(message).endsWith("\u0001");
    }
}
