package io.meridian.oms.model;

import java.util.List;

/**
 * Immutable set of instruments, looked up by dense id or by symbol. Built at startup; symbol
 * lookups are allocation free (one open-addressed table serves both lookup forms).
 */
public final class InstrumentRegistry
{
    private final Instrument[] byId;
    private final Instrument[] symbolTable;
    private final int symbolMask;

    public InstrumentRegistry(final List<Instrument> instruments)
    {
        byId = new Instrument[instruments.size()];
        int tableSize = 16;
        while (tableSize < byId.length * 4)
        {
            tableSize <<= 1;
        }
        symbolTable = new Instrument[tableSize];
        symbolMask = tableSize - 1;
        for (final Instrument instrument : instruments)
        {
            if (instrument.id() < 0 || instrument.id() >= byId.length || byId[instrument.id()] != null)
            {
                throw new IllegalArgumentException("instrument ids must be dense and unique: " + instrument);
            }
            if (bySymbol(instrument.symbol()) != null)
            {
                throw new IllegalArgumentException("duplicate symbol: " + instrument.symbol());
            }
            byId[instrument.id()] = instrument;
            int slot = hash(instrument.symbol()) & symbolMask;
            while (symbolTable[slot] != null)
            {
                slot = (slot + 1) & symbolMask;
            }
            symbolTable[slot] = instrument;
        }
    }

    /** Lookup from a decoder's char array; null when unknown. */
    public Instrument bySymbol(final char[] chars, final int length)
    {
        int slot = hash(chars, length) & symbolMask;
        Instrument candidate;
        while ((candidate = symbolTable[slot]) != null)
        {
            final String symbol = candidate.symbol();
            if (symbol.length() == length && regionEquals(symbol, chars, length))
            {
                return candidate;
            }
            slot = (slot + 1) & symbolMask;
        }
        return null;
    }

    /** Lookup by symbol; null when unknown. */
    public Instrument bySymbol(final CharSequence symbol)
    {
        int slot = hash(symbol) & symbolMask;
        Instrument candidate;
        while ((candidate = symbolTable[slot]) != null)
        {
            if (candidate.symbol().contentEquals(symbol))
            {
                return candidate;
            }
            slot = (slot + 1) & symbolMask;
        }
        return null;
    }

    public Instrument byId(final int id)
    {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    public int size()
    {
        return byId.length;
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

    // the two hashes must agree for the same characters
    private static int hash(final CharSequence chars)
    {
        int h = 0;
        for (int i = 0; i < chars.length(); i++)
        {
            h = 31 * h + chars.charAt(i);
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
