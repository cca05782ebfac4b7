package io.meridian.simulators.okx;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The {@code checksum} of OKX's {@code books} channel: CRC32 of the top 25 bid and ask levels
 * interleaved as {@code bid1px:bid1sz:ask1px:ask1sz:bid2px:...} (a shorter side simply runs out),
 * using the price and size strings exactly as sent, read as a signed 32-bit integer.
 */
public final class OkxBookChecksum {
    /** Levels per side that the checksum covers. */
    public static final int DEPTH = 25;

    private OkxBookChecksum() {
    }

    /** The string that is hashed; each level is {@code [px, sz, ...]} as sent on the wire. */
    public static String checksumString(List<String[]> bids, List<String[]> asks) {
        StringBuilder text = new StringBuilder(64 * DEPTH);
        for (int i = 0; i < DEPTH; i++) {
            if (i < bids.size()) {
                append(text, bids.get(i));
            }
            if (i < asks.size()) {
                append(text, asks.get(i));
            }
        }
        return text.toString();
    }

    /** The signed 32-bit checksum OKX sends. */
    public static int checksum(List<String[]> bids, List<String[]> asks) {
        return crc32(checksumString(bids, asks));
    }

    /** CRC32 of an ASCII string as a signed int. */
    public static int crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }

    private static void append(StringBuilder text, String[] level) {
        if (text.length() > 0) {
            text.append(':');
        }
        text.append(level[0]).append(':').append(level[1]);
    }
}
