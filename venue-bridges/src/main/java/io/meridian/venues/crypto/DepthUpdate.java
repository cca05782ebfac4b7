package io.meridian.venues.crypto;

import java.util.Arrays;

/**
 * One parsed depth message (a Binance diff or snapshot, an OKX books push), reused from message to
 * message. Levels are kept as the venue printed them: the decimal's digits as an integer
 * ({@code mantissa}) and the number of fraction digits, so "60000.50" is (6000050, 2); the book turns
 * them into the instrument's scale ({@link #scaled}). Single-threaded.
 */
final class DepthUpdate
{
    /** What the message was. */
    enum Kind
    {
        /** not a depth message (an answer, an event, a heartbeat) */
        OTHER,
        /** Binance diff, OKX {@code update} */
        UPDATE,
        /** Binance REST snapshot, OKX {@code snapshot} */
        SNAPSHOT
    }

    Kind kind = Kind.OTHER;
    /** Binance stream symbol ({@code s}) or OKX {@code instId} */
    final StringBuilder symbol = new StringBuilder(16);
    /** Binance U (diff) / lastUpdateId (snapshot); OKX prevSeqId */
    long firstId;
    /** Binance u (diff) / lastUpdateId (snapshot); OKX seqId */
    long lastId;
    long venueTimeMs;
    int checksum;
    boolean hasChecksum;
    /** a price or size that was not a plain decimal: the message cannot be applied */
    boolean malformed;
    /** OKX event answers: "subscribe", "unsubscribe", "error"; empty otherwise */
    final StringBuilder event = new StringBuilder(16);

    int bidCount;
    int askCount;
    long[] bidMantissa = new long[64];
    long[] bidQtyMantissa = new long[64];
    byte[] bidDigits = new byte[64];
    byte[] bidQtyDigits = new byte[64];
    long[] askMantissa = new long[64];
    long[] askQtyMantissa = new long[64];
    byte[] askDigits = new byte[64];
    byte[] askQtyDigits = new byte[64];

    void reset()
    {
        kind = Kind.OTHER;
        symbol.setLength(0);
        event.setLength(0);
        firstId = 0;
        lastId = 0;
        venueTimeMs = 0;
        checksum = 0;
        hasChecksum = false;
        malformed = false;
        bidCount = 0;
        askCount = 0;
    }

    /** Copies everything from {@code other} (buffering a diff while a snapshot is fetched). */
    void copyFrom(final DepthUpdate other)
    {
        kind = other.kind;
        symbol.setLength(0);
        symbol.append(other.symbol);
        event.setLength(0);
        event.append(other.event);
        firstId = other.firstId;
        lastId = other.lastId;
        venueTimeMs = other.venueTimeMs;
        checksum = other.checksum;
        hasChecksum = other.hasChecksum;
        malformed = other.malformed;
        bidCount = 0;
        askCount = 0;
        for (int i = 0; i < other.bidCount; i++)
        {
            addBid(other.bidMantissa[i], other.bidDigits[i], other.bidQtyMantissa[i], other.bidQtyDigits[i]);
        }
        for (int i = 0; i < other.askCount; i++)
        {
            addAsk(other.askMantissa[i], other.askDigits[i], other.askQtyMantissa[i], other.askQtyDigits[i]);
        }
    }

    void addBid(final long priceMantissa, final int priceDigits, final long qtyMantissa, final int qtyDigits)
    {
        if (bidCount == bidMantissa.length)
        {
            final int n = bidCount * 2;
            bidMantissa = Arrays.copyOf(bidMantissa, n);
            bidQtyMantissa = Arrays.copyOf(bidQtyMantissa, n);
            bidDigits = Arrays.copyOf(bidDigits, n);
            bidQtyDigits = Arrays.copyOf(bidQtyDigits, n);
        }
        bidMantissa[bidCount] = priceMantissa;
        bidDigits[bidCount] = (byte)priceDigits;
        bidQtyMantissa[bidCount] = qtyMantissa;
        bidQtyDigits[bidCount] = (byte)qtyDigits;
        bidCount++;
    }

    void addAsk(final long priceMantissa, final int priceDigits, final long qtyMantissa, final int qtyDigits)
    {
        if (askCount == askMantissa.length)
        {
            final int n = askCount * 2;
            askMantissa = Arrays.copyOf(askMantissa, n);
            askQtyMantissa = Arrays.copyOf(askQtyMantissa, n);
            askDigits = Arrays.copyOf(askDigits, n);
            askQtyDigits = Arrays.copyOf(askQtyDigits, n);
        }
        askMantissa[askCount] = priceMantissa;
        askDigits[askCount] = (byte)priceDigits;
        askQtyMantissa[askCount] = qtyMantissa;
        askQtyDigits[askCount] = (byte)qtyDigits;
        askCount++;
    }

    /**
     * A printed decimal in {@code scale} decimals: (6000050, 2) at scale 8 is 6000050000000.
     * {@link Long#MIN_VALUE} when it has non-zero digits beyond the scale or overflows.
     */
    static long scaled(final long mantissa, final int digits, final int scale)
    {
        long value = mantissa;
        if (digits <= scale)
        {
            for (int i = digits; i < scale; i++)
            {
                if (value > Long.MAX_VALUE / 10)
                {
                    return Long.MIN_VALUE;
                }
                value *= 10;
            }
            return value;
        }
        for (int i = scale; i < digits; i++)
        {
            if (value % 10 != 0)
            {
                return Long.MIN_VALUE;
            }
            value /= 10;
        }
        return value;
    }

    /**
     * Parses a plain non-negative decimal ("60000.50", "0.001", "7") from {@code text[offset..offset+length)}:
     * returns the mantissa and stores the fraction digits in {@code digitsOut[0]}; -1 when it is not one.
     */
    static long parseMantissa(final char[] text, final int offset, final int length, final int[] digitsOut)
    {
        long value = 0;
        int digits = -1;
        boolean any = false;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final char c = text[i];
            if (c == '.')
            {
                if (digits >= 0)
                {
                    return -1;
                }
                digits = 0;
                continue;
            }
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10)
            {
                return -1;
            }
            value = value * 10 + (c - '0');
            any = true;
            if (digits >= 0)
            {
                digits++;
            }
        }
        if (!any || digits > 127)
        {
            return -1;
        }
        digitsOut[0] = Math.max(0, digits);
        return value;
    }
}
