package io.meridian.oms.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Immutable set of instruments, looked up by dense id or by symbol. Built at startup. */
public final class InstrumentRegistry
{
    private final Instrument[] byId;
    private final Map<String, Instrument> bySymbol = new HashMap<>();
    private final Instrument[] symbolTable;
    private final int symbolMask;

    public InstrumentRegistry(final List<Instrument> instruments)
    {
        byId = new Instrument[instruments.size()];
        for (final Instrument instrument : instruments)
        {
            if (instrument.id() < 0 || instrument.id() >= byId.length || byId[instrument.id()] != null)
            {
                throw new IllegalArgumentException("instrument ids must be dense and unique: " + instrument);
            }
            if (bySymbol.put(instrument.symbol(), instrument) != null)
            {
                throw new IllegalArgumentException("duplicate symbol: " + instrument.symbol());
            }
            byId[instrument.id()] = instrument;
        }
        int tableSize = 16;
        while (tableSize < byId.length * 4)
        {
            tableSize <<= 1;
        }
        symbolTable = new Instrument[tableSize];
        symbolMask = tableSize - 1;
        for (final Instrument instrument : byId)
        {
            final String symbol = instrument.symbol();
            int slot = hash(symbol, symbol.length()) & symbolMask;
            while (symbolTable[slot] != null)
            {
                slot = (slot + 1) & symbolMask;
            }
            symbolTable[slot] = instrument;
        }
    }

    /** Allocation-free lookup from a decoder's char array; null when unknown. */
    public Instrument bySymbol(final char[] chars, final int length)
    {
        int slot = hash(chars, length) & symbolMask;
        Instrument candidate;
        while ((candidate = symbolTable[slot]) != null)
        {
            if (matches(candidate.symbol(), chars, length))
            {
                return candidate;
            }
            slot = (slot + 1) & symbolMask;
        }
        return null;
    }

    private static boolean matches(final String symbol, final char[] chars, final int length)
    {
        if (symbol.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (symbol.charAt(i) != chars[i])
            {
                return false;
            }
        }
        return true;
    }

    private static int hash(final CharSequence chars, final int length)
    {
        int h = 0;
        for (int i = 0; i < length; i++)
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

    public Instrument byId(final int id)
    {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    /** Looks up by symbol without allocating when given a String; other CharSequences are converted. */
    public Instrument bySymbol(final CharSequence symbol)
    {
        return bySymbol.get(symbol instanceof String ? (String)symbol : symbol.toString());
    }

    public int size()
    {
        return byId.length;
    }

    public List<Instrument> all()
    {
        final List<Instrument> all = new ArrayList<>(byId.length);
        for (final Instrument instrument : byId)
        {
            all.add(instrument);
        }
        return all;
    }
}
