package io.meridian.router;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;

import java.util.Map;

/**
 * Reads a parent order's routing instructions from its carried FIX fields (raw {@code tag=value<SOH>}):
 * ExDestination (100) names a single venue, RoutingPolicy (20100) the policy (1 best-price sweep,
 * 2 passive best queue, 3 preference list, 4 single venue), VenuePreference (20101) venue names
 * separated by spaces. A name that is no venue of the instrument's legs is ignored.
 */
final class RoutingTags
{
    private RoutingTags()
    {
    }

    static void apply(
        final CharSequence fields, final ParentOrderRouter.Parent p, final Map<String, Integer> venueIds,
        final InstrumentRegistry instruments)
    {
        int at = 0;
        final int length = fields.length();
        while (at < length)
        {
            int end = at;
            while (end < length && fields.charAt(end) != '\u0001')
            {
                end++;
            }
            final int eq = indexOf(fields, '=', at, end);
            if (eq > at)
            {
                final int tag = parseInt(fields, at, eq);
                if (tag == 100)
                {
                    final int venue = legVenue(fields, eq + 1, end, p.instrument, venueIds, instruments);
                    if (venue >= 0)
                    {
                        p.singleVenueId = venue;
                        p.policy = RoutingPolicy.SINGLE_VENUE;
                    }
                }
                else if (tag == 20100)
                {
                    switch (parseInt(fields, eq + 1, end))
                    {
                        case 1 -> p.policy = RoutingPolicy.BEST_PRICE_SWEEP;
                        case 2 -> p.policy = RoutingPolicy.PASSIVE_BEST_QUEUE;
                        case 3 -> p.policy = RoutingPolicy.PREFERENCE_LIST;
                        case 4 -> p.policy = RoutingPolicy.SINGLE_VENUE;
                        default -> { }
                    }
                }
                else if (tag == 20101)
                {
                    int from = eq + 1;
                    while (from < end && p.preferCount < p.prefer.length)
                    {
                        int to = from;
                        while (to < end && fields.charAt(to) != ' ')
                        {
                            to++;
                        }
                        final int venue = legVenue(fields, from, to, p.instrument, venueIds, instruments);
                        if (venue >= 0)
                        {
                            p.prefer[p.preferCount++] = venue;
                        }
                        from = to + 1;
                    }
                }
            }
            at = end + 1;
        }
        if (p.policy == RoutingPolicy.SINGLE_VENUE && p.singleVenueId < 0)
        {
            p.policy = RoutingPolicy.BEST_PRICE_SWEEP;
        }
    }

    private static int legVenue(
        final CharSequence s, final int from, final int to, final Instrument routed, final Map<String, Integer> venueIds,
        final InstrumentRegistry instruments)
    {
        final Integer id = venueIds.get(s.subSequence(from, to).toString());
        if (id == null)
        {
            return -1;
        }
        for (int i = 0; i < routed.legCount(); i++)
        {
            if (instruments.byId(routed.leg(i)).venueId() == id)
            {
                return id;
            }
        }
        return -1;
    }

    private static int indexOf(final CharSequence s, final char c, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (s.charAt(i) == c)
            {
                return i;
            }
        }
        return -1;
    }

    private static int parseInt(final CharSequence s, final int from, final int to)
    {
        int value = 0;
        if (from >= to || to - from > 9)
        {
            return -1;
        }
        for (int i = from; i < to; i++)
        {
            final char c = s.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
