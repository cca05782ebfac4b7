package io.meridian.router;

import io.meridian.oms.api.RoutingInstructionTags;

/**
 * A client order's routing instructions, read from its carried raw fields ({@code tag=value<SOH>} pairs, as
 * {@code NewOrderCommand.customFields}): policy, venue preference list, ExDestination, algo, TWAP start, end,
 * slices and randomisation, iceberg display quantity (docs/router.md, "Routing instructions (FIX tags)").
 * Reusable holder: {@link #parse} overwrites everything and allocates nothing. Venue names are kept as slices of
 * one reusable char buffer; whether a name is a known venue is for the caller, which knows the venues.
 * Not thread-safe.
 */
public final class RoutingInstructions
{
    /** The most TWAP slices a client may ask for. */
    public static final int MAX_TWAP_SLICES = 1000;
    /** The largest TWAP randomisation, in percent. */
    public static final int MAX_TWAP_RANDOM_PCT = 50;
    /** The longest venue name. */
    public static final int MAX_VENUE_NAME_LENGTH = 32;
    /** The longest VenuePreference list of a {@link #RoutingInstructions()}. */
    public static final int MAX_VENUE_PREFERENCES = 16;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private final char[] names;
    private int namesLength;
    private final int[] venueStart;
    private final int[] venueLength;
    private int venueCount;
    private int exDestinationStart;
    private int exDestinationLength;

    private RoutingPolicy policy;
    private AlgoType algo;
    private long twapStartNanos;
    private long twapEndNanos;
    private boolean hasTwapStart;
    private boolean hasTwapEnd;
    private int twapSlices;
    private int twapRandomPct;
    private long maxFloorQty;
    private boolean hasMaxFloor;
    private boolean hasInstructions;
    private RoutingInstructionError error;
    private int errorTag;

    // parse state: the tags seen (bit per routing tag) and the raw values of the integer tags
    private int seenMask;
    private long policyCode;
    private long algoCode;
    private long slicesValue;
    private long randomPctValue;
    private boolean hasAlgoCode;

    /** Accepts up to {@link #MAX_VENUE_PREFERENCES} preferences. */
    public RoutingInstructions()
    {
        this(MAX_VENUE_PREFERENCES);
    }

    /** @param maxVenues the longest venue preference list accepted (as {@link RouterConfig#maxVenues()}). */
    public RoutingInstructions(final int maxVenues)
    {
        names = new char[(maxVenues + 1) * MAX_VENUE_NAME_LENGTH];
        venueStart = new int[maxVenues];
        venueLength = new int[maxVenues];
        clear();
    }

    /**
     * Reads the routing tags among {@code fields}; other tags are ignored.
     *
     * @param fields   raw {@code tag=value<SOH>} pairs.
     * @param qtyScale decimals of the instrument's quantities: MaxFloor is held at this scale.
     * @param orderQty the order's quantity at that scale: MaxFloor may not exceed it.
     * @return {@link #error()}: NONE when the instructions are valid (or there are none).
     */
    public RoutingInstructionError parse(final CharSequence fields, final int qtyScale, final long orderQty)
    {
        clear();
        final int end = fields.length();
        int fieldStart = 0;
        while (fieldStart < end)
        {
            int tag = 0;
            int i = fieldStart;
            char c;
            while (i < end && (c = fields.charAt(i)) != '=' && c != '\u0001')
            {
                tag = c >= '0' && c <= '9' && tag >= 0 && tag < 1_000_000 ? tag * 10 + (c - '0') : -1;
                i++;
            }
            final int valueStart = i + 1;
            int valueEnd = i < end && fields.charAt(i) == '=' ? valueStart : i;
            while (valueEnd < end && fields.charAt(valueEnd) != '\u0001')
            {
                valueEnd++;
            }
            if (valueEnd >= valueStart && RoutingInstructionTags.isRoutingTag(tag) &&
                !field(tag, fields, valueStart, valueEnd, qtyScale))
            {
                return error;
            }
            fieldStart = valueEnd + 1;
        }
        return hasInstructions ? check(orderQty) : error;
    }

    private boolean field(final int tag, final CharSequence fields, final int start, final int end, final int qtyScale)
    {
        hasInstructions = true;
        final int bit = 1 << bitOf(tag);
        if ((seenMask & bit) != 0)
        {
            return fail(RoutingInstructionError.DUPLICATE_TAG, tag);
        }
        seenMask |= bit;
        switch (tag)
        {
            case RoutingInstructionTags.EX_DESTINATION:
                if (!name(fields, start, end))
                {
                    return fail(RoutingInstructionError.BAD_VENUE_NAME, tag);
                }
                exDestinationStart = namesLength - (end - start);
                exDestinationLength = end - start;
                return true;
            case RoutingInstructionTags.VENUE_PREFERENCE:
                return venuePreference(fields, start, end);
            case RoutingInstructionTags.MAX_FLOOR:
                hasMaxFloor = true;
                return maxFloor(fields, start, end, qtyScale);
            case RoutingInstructionTags.EFFECTIVE_TIME:
                twapStartNanos = timestamp(fields, start, end);
                hasTwapStart = true;
                return twapStartNanos != Long.MIN_VALUE || fail(RoutingInstructionError.BAD_TIMESTAMP, tag);
            case RoutingInstructionTags.EXPIRE_TIME:
                twapEndNanos = timestamp(fields, start, end);
                hasTwapEnd = true;
                return twapEndNanos != Long.MIN_VALUE || fail(RoutingInstructionError.BAD_TIMESTAMP, tag);
            case RoutingInstructionTags.ROUTING_POLICY:
                policyCode = integer(fields, start, end);
                return policyCode != Long.MIN_VALUE || fail(RoutingInstructionError.BAD_NUMBER, tag);
            case RoutingInstructionTags.ALGO_TYPE:
                algoCode = integer(fields, start, end);
                hasAlgoCode = true;
                return algoCode != Long.MIN_VALUE || fail(RoutingInstructionError.BAD_NUMBER, tag);
            case RoutingInstructionTags.TWAP_SLICES:
                slicesValue = integer(fields, start, end);
                return slicesValue != Long.MIN_VALUE || fail(RoutingInstructionError.BAD_NUMBER, tag);
            default:
                randomPctValue = integer(fields, start, end);
                return randomPctValue != Long.MIN_VALUE || fail(RoutingInstructionError.BAD_NUMBER, tag);
        }
    }

    /** The rules between the tags, once all are read. */
    private RoutingInstructionError check(final long orderQty)
    {
        if (seen(RoutingInstructionTags.ROUTING_POLICY))
        {
            policy = policyCode == 1 ? RoutingPolicy.BEST_PRICE_SWEEP :
                policyCode == 2 ? RoutingPolicy.PASSIVE_BEST_QUEUE :
                policyCode == 3 ? RoutingPolicy.PREFERENCE_LIST :
                policyCode == 4 ? RoutingPolicy.SINGLE_VENUE : null;
            if (policy == null)
            {
                return failed(RoutingInstructionError.UNKNOWN_POLICY);
            }
        }
        if (exDestinationLength > 0)
        {
            if (policy != null && policy != RoutingPolicy.SINGLE_VENUE)
            {
                return failed(RoutingInstructionError.EX_DESTINATION_CONFLICTS_WITH_POLICY);
            }
            policy = RoutingPolicy.SINGLE_VENUE;
        }
        else if (policy == RoutingPolicy.SINGLE_VENUE)
        {
            return failed(RoutingInstructionError.POLICY_NEEDS_EX_DESTINATION);
        }
        if (policy == RoutingPolicy.PREFERENCE_LIST && venueCount == 0)
        {
            return failed(RoutingInstructionError.POLICY_NEEDS_VENUE_PREFERENCE);
        }

        if (hasAlgoCode)
        {
            algo = AlgoType.fromFix(algoCode);
            if (algo == null)
            {
                algo = AlgoType.NONE;
                return failed(RoutingInstructionError.UNKNOWN_ALGO);
            }
        }
        if (hasMaxFloor)
        {
            if (hasAlgoCode && algo != AlgoType.ICEBERG)
            {
                return failed(RoutingInstructionError.ALGO_CONFLICT);
            }
            algo = AlgoType.ICEBERG;
            if (maxFloorQty <= 0)
            {
                return failed(RoutingInstructionError.MAX_FLOOR_NOT_POSITIVE);
            }
            if (maxFloorQty > orderQty)
            {
                return failed(RoutingInstructionError.MAX_FLOOR_ABOVE_ORDER_QTY);
            }
        }
        else if (algo == AlgoType.ICEBERG)
        {
            return failed(RoutingInstructionError.ICEBERG_NEEDS_MAX_FLOOR);
        }

        final boolean hasSlices = seen(RoutingInstructionTags.TWAP_SLICES);
        final boolean hasRandomPct = seen(RoutingInstructionTags.TWAP_RANDOM_PCT);
        if (hasSlices && (slicesValue < 1 || slicesValue > MAX_TWAP_SLICES))
        {
            return failed(RoutingInstructionError.TWAP_SLICES_OUT_OF_RANGE);
        }
        if (hasRandomPct && (randomPctValue < 0 || randomPctValue > MAX_TWAP_RANDOM_PCT))
        {
            return failed(RoutingInstructionError.TWAP_RANDOM_PCT_OUT_OF_RANGE);
        }
        if (algo == AlgoType.TWAP)
        {
            if (!hasTwapEnd)
            {
                return failed(RoutingInstructionError.TWAP_NEEDS_EXPIRE_TIME);
            }
            if (hasTwapStart && twapEndNanos <= twapStartNanos)
            {
                return failed(RoutingInstructionError.TWAP_END_NOT_AFTER_START);
            }
            if (!hasSlices)
            {
                return failed(RoutingInstructionError.TWAP_NEEDS_SLICES);
            }
            twapSlices = (int)slicesValue;
            twapRandomPct = hasRandomPct ? (int)randomPctValue : 0;
        }
        else if (hasSlices || hasRandomPct)
        {
            return failed(RoutingInstructionError.TWAP_PARAMETERS_WITHOUT_TWAP);
        }
        return error;
    }

    private RoutingInstructionError failed(final RoutingInstructionError error)
    {
        fail(error, error.tag());
        return error;
    }

    private boolean fail(final RoutingInstructionError error, final int tag)
    {
        this.error = error;
        this.errorTag = tag;
        return false;
    }

    private boolean seen(final int tag)
    {
        return (seenMask & (1 << bitOf(tag))) != 0;
    }

    private static int bitOf(final int tag)
    {
        switch (tag)
        {
            case RoutingInstructionTags.EX_DESTINATION: return 0;
            case RoutingInstructionTags.MAX_FLOOR: return 1;
            case RoutingInstructionTags.EXPIRE_TIME: return 2;
            case RoutingInstructionTags.EFFECTIVE_TIME: return 3;
            case RoutingInstructionTags.ROUTING_POLICY: return 4;
            case RoutingInstructionTags.VENUE_PREFERENCE: return 5;
            case RoutingInstructionTags.ALGO_TYPE: return 6;
            case RoutingInstructionTags.TWAP_SLICES: return 7;
            default: return 8;
        }
    }

    private void clear()
    {
        namesLength = 0;
        venueCount = 0;
        exDestinationStart = 0;
        exDestinationLength = 0;
        policy = null;
        algo = AlgoType.NONE;
        twapStartNanos = 0;
        twapEndNanos = 0;
        hasTwapStart = false;
        hasTwapEnd = false;
        twapSlices = 0;
        twapRandomPct = 0;
        maxFloorQty = 0;
        hasMaxFloor = false;
        hasInstructions = false;
        error = RoutingInstructionError.NONE;
        errorTag = 0;
        seenMask = 0;
        policyCode = 0;
        algoCode = 0;
        slicesValue = 0;
        randomPctValue = 0;
        hasAlgoCode = false;
    }

    private boolean venuePreference(final CharSequence fields, final int start, final int end)
    {
        int i = start;
        while (i < end)
        {
            while (i < end && fields.charAt(i) == ' ')
            {
                i++;
            }
            if (i == end)
            {
                break;
            }
            int nameEnd = i;
            while (nameEnd < end && fields.charAt(nameEnd) != ' ')
            {
                nameEnd++;
            }
            if (venueCount == venueStart.length)
            {
                return fail(RoutingInstructionError.TOO_MANY_VENUES, RoutingInstructionTags.VENUE_PREFERENCE);
            }
            if (!name(fields, i, nameEnd))
            {
                return fail(RoutingInstructionError.BAD_VENUE_NAME, RoutingInstructionTags.VENUE_PREFERENCE);
            }
            venueStart[venueCount] = namesLength - (nameEnd - i);
            venueLength[venueCount] = nameEnd - i;
            venueCount++;
            i = nameEnd;
        }
        return venueCount > 0 || fail(RoutingInstructionError.BAD_VENUE_NAME, RoutingInstructionTags.VENUE_PREFERENCE);
    }

    /** Appends a venue name to {@link #names}; false when it is empty, too long or has other characters. */
    private boolean name(final CharSequence fields, final int start, final int end)
    {
        final int length = end - start;
        if (length <= 0 || length > MAX_VENUE_NAME_LENGTH)
        {
            return false;
        }
        for (int i = start; i < end; i++)
        {
            final char c = fields.charAt(i);
            final boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.';
            if (!allowed)
            {
                return false;
            }
            names[namesLength++] = c;
        }
        return true;
    }

    private boolean maxFloor(final CharSequence fields, final int start, final int end, final int qtyScale)
    {
        int i = start;
        final boolean negative = i < end && fields.charAt(i) == '-';
        if (negative)
        {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int decimals = -1;
        for (; i < end; i++)
        {
            final char c = fields.charAt(i);
            if (c == '.' && decimals < 0)
            {
                decimals = 0;
                continue;
            }
            if (c < '0' || c > '9')
            {
                return fail(RoutingInstructionError.BAD_NUMBER, RoutingInstructionTags.MAX_FLOOR);
            }
            digits++;
            if (decimals >= 0)
            {
                decimals++;
                if (decimals > qtyScale)
                {
                    if (c != '0')
                    {
                        return fail(RoutingInstructionError.MAX_FLOOR_PRECISION, RoutingInstructionTags.MAX_FLOOR);
                    }
                    continue;
                }
            }
            if (unscaled > (Long.MAX_VALUE - (c - '0')) / 10)
            {
                return fail(RoutingInstructionError.BAD_NUMBER, RoutingInstructionTags.MAX_FLOOR);
            }
            unscaled = unscaled * 10 + (c - '0');
        }
        if (digits == 0 || qtyScale < 0 || qtyScale >= POWERS_OF_TEN.length)
        {
            return fail(RoutingInstructionError.BAD_NUMBER, RoutingInstructionTags.MAX_FLOOR);
        }
        final long multiplier = POWERS_OF_TEN[qtyScale - Math.min(Math.max(decimals, 0), qtyScale)];
        if (unscaled > Long.MAX_VALUE / multiplier)
        {
            return fail(RoutingInstructionError.BAD_NUMBER, RoutingInstructionTags.MAX_FLOOR);
        }
        maxFloorQty = negative ? -unscaled * multiplier : unscaled * multiplier;
        return true;
    }

    /** @return the value of an integer field, or Long.MIN_VALUE when it is not one (or has over 9 digits). */
    private static long integer(final CharSequence fields, final int start, final int end)
    {
        int i = start;
        final boolean negative = i < end && fields.charAt(i) == '-';
        if (negative)
        {
            i++;
        }
        if (i == end || end - i > 9)
        {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (; i < end; i++)
        {
            final char c = fields.charAt(i);
            if (c < '0' || c > '9')
            {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /**
     * A FIX UTCTimestamp, {@code YYYYMMDD-HH:MM:SS} with an optional fraction of 1 to 9 digits.
     *
     * @return epoch nanos, or Long.MIN_VALUE when malformed.
     */
    static long timestamp(final CharSequence fields, final int start, final int end)
    {
        if (end - start < 17 || fields.charAt(start + 8) != '-' || fields.charAt(start + 11) != ':' ||
            fields.charAt(start + 14) != ':')
        {
            return Long.MIN_VALUE;
        }
        final int year = digits(fields, start, 4);
        final int month = digits(fields, start + 4, 2);
        final int day = digits(fields, start + 6, 2);
        final int hour = digits(fields, start + 9, 2);
        final int minute = digits(fields, start + 12, 2);
        final int second = digits(fields, start + 15, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
            hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        {
            return Long.MIN_VALUE;
        }
        long fractionNanos = 0;
        if (end - start > 17)
        {
            final int fractionDigits = end - start - 18;
            if (fields.charAt(start + 17) != '.' || fractionDigits < 1 || fractionDigits > 9)
            {
                return Long.MIN_VALUE;
            }
            final int fraction = digits(fields, start + 18, fractionDigits);
            if (fraction < 0)
            {
                return Long.MIN_VALUE;
            }
            fractionNanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
        }
        final long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return seconds * NANOS_PER_SECOND + fractionNanos;
    }

    /** @return the decimal value of {@code count} digits, or -1 when one is not a digit. */
    private static int digits(final CharSequence fields, final int start, final int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
        {
            final char c = fields.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(final int year, final int month)
    {
        if (month == 2)
        {
            final boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), year >= 1970. */
    private static long epochDay(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = y / 400;
        final int yearOfEra = y - era * 400;
        final int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    /** @return NONE, or the first thing found wrong by the last {@link #parse}. */
    public RoutingInstructionError error()
    {
        return error;
    }

    /** @return the tag at fault when {@link #error()} is not NONE. */
    public int errorTag()
    {
        return errorTag;
    }

    /** @return whether the fields held any routing tag at all. */
    public boolean hasInstructions()
    {
        return hasInstructions;
    }

    /** @return the client's policy (SINGLE_VENUE when it gave ExDestination), or null when it gave none. */
    public RoutingPolicy policy()
    {
        return policy;
    }

    /** @return the number of names in the VenuePreference list (20101). */
    public int venueCount()
    {
        return venueCount;
    }

    /** @return whether preference {@code index} is {@code name}, ignoring ASCII case. */
    public boolean venueNameEquals(final int index, final CharSequence name)
    {
        if (index < 0 || index >= venueCount)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return sliceEquals(venueStart[index], venueLength[index], name);
    }

    /** Appends preference {@code index} to {@code into} (for logs, off the hot path). */
    public StringBuilder appendVenueName(final int index, final StringBuilder into)
    {
        if (index < 0 || index >= venueCount)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return into.append(names, venueStart[index], venueLength[index]);
    }

    /** @return whether ExDestination (100) was given. */
    public boolean hasExDestination()
    {
        return exDestinationLength > 0;
    }

    /** @return whether ExDestination (100) is {@code name}, ignoring ASCII case; false when absent. */
    public boolean exDestinationEquals(final CharSequence name)
    {
        return exDestinationLength > 0 && sliceEquals(exDestinationStart, exDestinationLength, name);
    }

    private boolean sliceEquals(final int start, final int length, final CharSequence name)
    {
        if (name.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            final char a = names[start + i];
            final char b = name.charAt(i);
            if (a != b && toUpper(a) != toUpper(b))
            {
                return false;
            }
        }
        return true;
    }

    private static char toUpper(final char c)
    {
        return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
    }

    /** @return the algo: ICEBERG when MaxFloor was given, NONE when no algo was asked for. */
    public AlgoType algo()
    {
        return algo;
    }

    /** @return whether EffectiveTime (168) was given; without it a TWAP starts when the order arrives. */
    public boolean hasTwapStart()
    {
        return hasTwapStart;
    }

    /** @return EffectiveTime (168) in epoch nanos; 0 when absent. */
    public long twapStartNanos()
    {
        return twapStartNanos;
    }

    /** @return ExpireTime (126) in epoch nanos; 0 when absent. */
    public long twapEndNanos()
    {
        return twapEndNanos;
    }

    /** @return TwapSlices (20103) of a TWAP, else 0. */
    public int twapSlices()
    {
        return twapSlices;
    }

    /** @return TwapRandomPct (20104) of a TWAP, 0 when absent. */
    public int twapRandomPct()
    {
        return twapRandomPct;
    }

    /** @return MaxFloor (111) at the instrument's quantity scale; 0 when absent. */
    public long maxFloorQty()
    {
        return maxFloorQty;
    }
}
