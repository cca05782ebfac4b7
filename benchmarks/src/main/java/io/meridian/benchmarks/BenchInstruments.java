package io.meridian.benchmarks;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;

import java.util.ArrayList;
import java.util.List;

/** The instruments of the system tests (AAPL first: price 4 dp, whole shares, ref 190.00, 10% collar). */
final class BenchInstruments
{
    static final int AAPL = 0;

    private BenchInstruments()
    {
    }

    static InstrumentRegistry registry()
    {
        return registry(3);
    }

    /** The three, then equities EQ3, EQ4, ... (100.00) up to {@code count} instruments. */
    static InstrumentRegistry registry(final int count)
    {
        final List<Instrument> instruments = new ArrayList<>(List.of(
            new Instrument(0, "AAPL", 4, 0, 0, 1_900_000L, 10_000L, 1_000_000L, 1000),
            new Instrument(1, "MSFT", 4, 0, 0, 4_200_000L, 10_000L, 1_000_000L, 1000),
            new Instrument(2, "BTC-USD", 2, 8, 0, 6_500_000L, 50_00000000L, 5_000_000L, 500)));
        for (int id = instruments.size(); id < count; id++)
        {
            instruments.add(new Instrument(id, "EQ" + id, 4, 0, 0, 1_000_000L, 10_000L, 1_000_000L, 1000));
        }
        return new InstrumentRegistry(instruments);
    }
}
