package io.meridian.venues.fix;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One FIX venue's names for Meridian's instruments routed to it: the venue's symbol is the configured
 * one ({@code symbols:} in the venue's configuration), else Meridian's symbol without an {@code @...}
 * suffix ({@code BTC-USDT@SIMVENUE} is {@code BTC-USDT} at the venue). The venue's symbols in reports and
 * market data map back to those instruments first, then to any instrument of that very name. Lookups
 * do not allocate.
 */
final class VenueSymbols
{
    private final InstrumentRegistry instruments;
    private final String[] venueSymbolById;
    private final Instrument[] table;
    private final int mask;
    private final List<Instrument> routed = new ArrayList<>();

    VenueSymbols(final InstrumentRegistry instruments, final int venueId, final Map<String, String> configured)
    {
        this.instruments = instruments;
        venueSymbolById = new String[instruments.size()];
        for (final String symbol : configured.keySet())
        {
            if (instruments.bySymbol(symbol) == null)
            {
                throw new IllegalArgumentException("venue symbols: no instrument " + symbol);
            }
        }
        int size = 16;
        while (size < instruments.size() * 4)
        {
            size <<= 1;
        }
        table = new Instrument[size];
        mask = size - 1;
        for (int id = 0; id < instruments.size(); id++)
        {
            final Instrument instrument = instruments.byId(id);
            final String venueSymbol = configured.getOrDefault(instrument.symbol(), defaultVenueSymbol(instrument.symbol()));
            venueSymbolById[id] = venueSymbol;
            if (instrument.venueId() != venueId)
            {
                continue;
            }
            if (byVenueSymbol(venueSymbol) != null)
            {
                throw new IllegalArgumentException("two instruments are " + venueSymbol + " at venue " + venueId);
            }
            routed.add(instrument);
            int slot = hash(venueSymbol) & mask;
            while (table[slot] != null)
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = instrument;
        }
    }

    /** Meridian's symbol without its {@code @VENUE} suffix. */
    static String defaultVenueSymbol(final String symbol)
    {
        final int at = symbol.indexOf('@');
        return at > 0 ? symbol.substring(0, at) : symbol;
    }

    /** The instruments routed to this venue, by id. */
    List<Instrument> routed()
    {
        return routed;
    }

    String venueSymbol(final Instrument instrument)
    {
        return venueSymbolById[instrument.id()];
    }

    /** The venue's name for an order's (Meridian) symbol; the symbol itself when no instrument has it. */
    CharSequence venueSymbol(final CharSequence meridianSymbol)
    {
        final Instrument instrument = instruments.bySymbol(meridianSymbol);
        return instrument == null ? meridianSymbol : venueSymbolById[instrument.id()];
    }

    /** The instrument a venue symbol names, or null. */
    Instrument instrument(final char[] chars, final int length)
    {
        int slot = hash(chars, length) & mask;
        Instrument candidate;
        while ((candidate = table[slot]) != null)
        {
            final String symbol = venueSymbolById[candidate.id()];
            if (symbol.length() == length && regionEquals(symbol, chars, length))
            {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        return instruments.bySymbol(chars, length);
    }

    /** Cold path: the instrument a venue symbol names, or null. */
    Instrument instrument(final CharSequence venueSymbol)
    {
        final Instrument routedOne = byVenueSymbol(venueSymbol);
        return routedOne != null ? routedOne : instruments.bySymbol(venueSymbol);
    }

    private Instrument byVenueSymbol(final CharSequence venueSymbol)
    {
        int slot = hash(venueSymbol) & mask;
        Instrument candidate;
        while ((candidate = table[slot]) != null)
        {
            if (venueSymbolById[candidate.id()].contentEquals(venueSymbol))
            {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    private static boolean regionEquals(final String symbol, final char[] chars, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (symbol.charAt(i) != chars[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final CharSequence symbol)
    {
        int h = 0;
        for (int i = 0; i < symbol.length(); i++)
        {
            h = 31 * h + symbol.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    private static int hash(final char[] chars, final int length)
    {
        int h = 0;
        for (int i = 0; i < length; i++)
        {
            h = 31 * h + chars[i];
        }
        return h ^ (h >>> 16);
    }
}
