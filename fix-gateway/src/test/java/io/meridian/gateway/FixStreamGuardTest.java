package io.meridian.gateway;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FixStreamGuardTest
{
    private static final String GOOD =
        "8=FIX.4.4\u00019=60\u000135=0\u000149=A\u000156=B\u000134=123\u000152=x\u0001110=7\u000110=000\u0001";

    @Test
    void acceptsWellFormedMessagesBackToBackAndTagsThatOnlyLookAlike()
    {
        final FixStreamGuard guard = new FixStreamGuard();
        assertThat(accept(guard, GOOD + GOOD)).isTrue();
        assertThat(accept(guard, "8=FIX.4.4\u0001134=\u0001434=Z\u000134=7\u000110=123\u0001")).isTrue();
        assertThat(accept(guard, GOOD)).isTrue();
    }

    @Test
    void refusesEmptyNegativeGarbledOrOverflowingMsgSeqNum()
    {
        assertThat(accept(new FixStreamGuard(), "8=FIX.4.4\u000134=\u000152=x\u0001")).isFalse();
        assertThat(accept(new FixStreamGuard(), "8=FIX.4.4\u000134=-5\u0001")).isFalse();
        assertThat(accept(new FixStreamGuard(), "8=FIX.4.4\u000134=85\u0004\u0001")).isFalse();
        assertThat(accept(new FixStreamGuard(), "8=FIX.4.4\u000134=2147483648\u0001")).isFalse();
        assertThat(accept(new FixStreamGuard(), "8=FIX.4.4\u000134=0000000000042\u0001")).as("zero padding").isTrue();
    }

    @Test
    void refusesBytesThatDoNotStartAMessage()
    {
        assertThat(accept(new FixStreamGuard(), "GET / HTTP/1.1\r\n")).isFalse();
        final FixStreamGuard guard = new FixStreamGuard();
        assertThat(accept(guard, GOOD)).isTrue();
        assertThat(accept(guard, "\u0000garbage" + GOOD)).isFalse();
    }

    @Test
    void checksFieldsSplitAcrossReads()
    {
        final FixStreamGuard guard = new FixStreamGuard();
        assertThat(accept(guard, "8=FIX.4.4\u00013")).isTrue();
        assertThat(accept(guard, "4")).isTrue();
        assertThat(accept(guard, "=")).isTrue();
        assertThat(accept(guard, "\u0001")).isFalse();

        final FixStreamGuard fine = new FixStreamGuard();
        assertThat(accept(fine, "8=FIX.4.4\u000134=1")).isTrue();
        assertThat(accept(fine, "2\u000152=x\u000110=0")).isTrue();
        assertThat(accept(fine, "01\u00018")).isTrue();
        assertThat(accept(fine, "=FIX.4.4\u000134=3\u000110=001\u0001")).isTrue();
    }

    private static boolean accept(final FixStreamGuard guard, final String bytes)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(256);
        buffer.position(7);
        buffer.put(bytes.getBytes(StandardCharsets.ISO_8859_1));
        return guard.accept(buffer, 7, buffer.position());
    }
}
