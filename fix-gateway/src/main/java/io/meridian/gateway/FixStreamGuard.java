package io.meridian.gateway;

import java.nio.ByteBuffer;

/**
 * Streaming check of the raw bytes of a connection, before Artio's framer sees them: every
 * message starts with {@code 8=} right after the previous message's CheckSum, and every MsgSeqNum
 * (34) value is 1 to 9 digits. Artio 0.175 indexes an empty or negative MsgSeqNum as a huge
 * negative number and its replay indexer then loops over up to 2^31 sequence numbers, stalling
 * the engine for every session; and bytes that are not FIX between two messages leave the session
 * neither answering nor closed. Such a connection is cut instead. Keeps its state across reads, so
 * a field split between two reads is still checked. Allocation free. Not length-aware: a data
 * field (RawData 96, Signature 89) holding SOH followed by "10=" or "34=" would be misread, which
 * is why only client connections are guarded.
 */
final class FixStreamGuard
{
    private static final byte SOH = 1;
    private static final int MAX_DIGITS = 9;

    private static final int EXPECT_8 = 0;
    private static final int EXPECT_EQUALS = 1;
    private static final int SEEK = 2;
    private static final int AFTER_SOH = 3;
    private static final int AFTER_3 = 4;
    private static final int AFTER_34 = 5;
    private static final int IN_SEQ_NUM = 6;
    private static final int AFTER_1 = 7;
    private static final int AFTER_10 = 8;
    private static final int IN_CHECKSUM = 9;

    private int state = EXPECT_8;
    private int digits;
    private boolean sawDigit;

    /** @return false when the bytes {@code [from, to)} of {@code buffer} break the rules above. */
    boolean accept(final ByteBuffer buffer, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final byte b = buffer.get(i);
            switch (state)
            {
                case EXPECT_8:
                    if (b != '8')
                    {
                        return false;
                    }
                    state = EXPECT_EQUALS;
                    break;

                case EXPECT_EQUALS:
                    if (b != '=')
                    {
                        return false;
                    }
                    state = SEEK;
                    break;

                case SEEK:
                    state = b == SOH ? AFTER_SOH : SEEK;
                    break;

                case AFTER_SOH:
                    state = b == '3' ? AFTER_3 : b == '1' ? AFTER_1 : next(b);
                    break;

                case AFTER_3:
                    state = b == '4' ? AFTER_34 : next(b);
                    break;

                case AFTER_34:
                    state = b == '=' ? IN_SEQ_NUM : next(b);
                    digits = 0;
                    sawDigit = false;
                    break;

                case IN_SEQ_NUM:
                    if (!digitOrEnd(b))
                    {
                        return false;
                    }
                    break;

                case AFTER_1:
                    state = b == '0' ? AFTER_10 : next(b);
                    break;

                case AFTER_10:
                    state = b == '=' ? IN_CHECKSUM : next(b);
                    break;

                default:
                    // CheckSum value: the message ends at its SOH, the next one must start right there
                    if (b == SOH)
                    {
                        state = EXPECT_8;
                    }
                    break;
            }
        }
        return true;
    }

    private boolean digitOrEnd(final byte b)
    {
        if (b >= '0' && b <= '9')
        {
            sawDigit = true;
            // leading zeros are legal padding and do not overflow anything
            if (digits > 0 || b != '0')
            {
                digits++;
            }
            return digits <= MAX_DIGITS;
        }
        if (b == SOH && sawDigit)
        {
            state = AFTER_SOH;
            return true;
        }
        return false;
    }

    private static int next(final byte b)
    {
        return b == SOH ? AFTER_SOH : SEEK;
    }
}
