package io.meridian.venues.crypto;

import java.util.zip.CRC32;

/**
 * The checksum of OKX's {@code books} channel over a {@link LocalOrderBook}: CRC32 of the top 25 bid
 * and ask levels interleaved {@code bid1px:bid1sz:ask1px:ask1sz:bid2px:...} (when one side runs out the
 * other continues alone), each price and size printed exactly as the venue sent it (its decimals kept
 * per level), read as a signed 32-bit integer. Reuses one buffer: nothing allocates. Single-threaded.
 */
final class OkxBookChecksum
{
    /** Levels per side the checksum covers. */
    static final int DEPTH = 25;

    private final CRC32 crc = new CRC32();
    private final byte[] text = new byte[DEPTH * 2 * 2 * 24];
    private final byte[] digits = new byte[20];
    private int length;

    /** The checksum of the book's current top 25 levels, prices and sizes in the given scales. */
    int checksum(final LocalOrderBook book, final int priceScale, final int qtyScale)
    {
        length = 0;
        final int bids = Math.min(DEPTH, book.bidLevels());
        final int asks = Math.min(DEPTH, book.askLevels());
        for (int i = 0; i < DEPTH; i++)
        {
            if (i < bids)
            {
                level(book.bidPrice(i), priceScale, book.bidPriceDigits(i), book.bidQty(i), qtyScale, book.bidQtyDigits(i));
            }
            if (i < asks)
            {
                level(book.askPrice(i), priceScale, book.askPriceDigits(i), book.askQty(i), qtyScale, book.askQtyDigits(i));
            }
        }
        crc.reset();
        crc.update(text, 0, length);
        return (int)crc.getValue();
    }

    /** The text last hashed (tests and diagnostics; allocates). */
    String lastText()
    {
        return new String(text, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void level(
        final long price, final int priceScale, final int priceDigits, final long qty, final int qtyScale,
        final int qtyDigits)
    {
        if (length > 0)
        {
            text[length++] = ':';
        }
        number(price, priceScale, priceDigits);
        text[length++] = ':';
        number(qty, qtyScale, qtyDigits);
    }

    /** {@code value} (in {@code scale} decimals) printed with {@code printed} fraction digits. */
    private void number(final long value, final int scale, final int printed)
    {
        long v = value;
        int fractionDigits = Math.min(printed, scale);
        for (int i = fractionDigits; i < scale; i++)
        {
            v /= 10;
        }
        long pow = 1;
        for (int i = 0; i < fractionDigits; i++)
        {
            pow *= 10;
        }
        appendLong(v / pow);
        if (printed > 0)
        {
            text[length++] = '.';
            long fraction = v % pow;
            for (int i = fractionDigits - 1; i >= 0; i--)
            {
                digits[i] = (byte)('0' + fraction % 10);
                fraction /= 10;
            }
            for (int i = 0; i < fractionDigits; i++)
            {
                text[length++] = digits[i];
            }
            for (int i = fractionDigits; i < printed; i++)
            {
                text[length++] = '0';
            }
        }
    }

    private void appendLong(final long value)
    {
        long v = value;
        int n = 0;
        do
        {
            digits[n++] = (byte)('0' + v % 10);
            v /= 10;
        }
        while (v > 0);
        while (n > 0)
        {
            text[length++] = digits[--n];
        }
    }
}
