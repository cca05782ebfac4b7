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
