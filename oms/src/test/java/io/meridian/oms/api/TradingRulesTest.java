package io.meridian.oms.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradingRulesTest
{
    @Test
    void readsWhatWasPublishedLastAndNothingForAnInstrumentWithout()
    {
        final TradingRules table = new TradingRules(3);
        final InstrumentRules rules = new InstrumentRules();
        assertThat(table.read(1, rules)).isFalse();
        assertThat(table.read(-1, rules)).isFalse();
        assertThat(table.read(3, rules)).isFalse();

        table.publish(1, 1, 1_000, 1_000, 500);
        assertThat(table.read(1, rules)).isTrue();
        assertThat(rules.tickSize()).isEqualTo(1);
        assertThat(rules.lotSize()).isEqualTo(1_000);
        assertThat(rules.minQty()).isEqualTo(1_000);
        assertThat(rules.minNotional()).isEqualTo(500);
        assertThat(table.read(0, rules)).isFalse();
        assertThat(table.read(2, rules)).isFalse();

        table.publish(1, 10, 10_000, 100_000, 0);
        assertThat(table.read(1, rules)).isTrue();
        assertThat(rules.tickSize()).isEqualTo(10);
        assertThat(rules.lotSize()).isEqualTo(10_000);
        assertThat(rules.minQty()).isEqualTo(100_000);
        assertThat(rules.minNotional()).isZero();

        // all zero is a published "no rules", not "unknown"
        table.publish(0, 0, 0, 0, 0);
        assertThat(table.read(0, rules)).isTrue();
    }

    @Test
    void refusesNegativeRulesAndUnknownInstruments()
    {
        final TradingRules table = new TradingRules(1);
        assertThatThrownBy(() -> table.publish(0, -1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.publish(0, 0, 0, 0, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.publish(1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.read(0, new InstrumentRules())).isFalse();
    }

    @Test
    void venueIncrementsConvertToTheInstrumentScaleOnTheSameGrid()
    {
        // Binance prints 8 decimals: 0.01000000 at price scale 2, 0.00001000 at qty scale 8
        assertThat(TradingRules.increment(new BigDecimal("0.01000000"), 2)).isEqualTo(1);
        assertThat(TradingRules.increment(new BigDecimal("0.00001000"), 8)).isEqualTo(1_000);
        assertThat(TradingRules.increment(new BigDecimal("0.0001"), 8)).isEqualTo(10_000);
        assertThat(TradingRules.increment(new BigDecimal("0.5"), 2)).isEqualTo(50);
        assertThat(TradingRules.increment(new BigDecimal("10"), 0)).isEqualTo(10);
        // finer than the scale: every scaled price is on the venue's grid, or every other one
        assertThat(TradingRules.increment(new BigDecimal("0.001"), 2)).isEqualTo(1);
        assertThat(TradingRules.increment(new BigDecimal("0.025"), 2)).isEqualTo(5);
        assertThat(TradingRules.increment(new BigDecimal("0.0125"), 2)).isEqualTo(5);
        assertThat(TradingRules.increment(new BigDecimal("0.015"), 2)).isEqualTo(3);
        assertThat(TradingRules.increment(null, 2)).isZero();
        assertThat(TradingRules.increment(BigDecimal.ZERO, 2)).isZero();
        assertThat(TradingRules.increment(new BigDecimal("0E-8"), 2)).isZero();
        assertThatThrownBy(() -> TradingRules.increment(new BigDecimal("1E+12"), 8))
            .isInstanceOf(ArithmeticException.class);
    }

    /** Brute force: a scaled value is on the venue's grid exactly when it is a multiple of the conversion. */
    @Test
    void anIncrementFinerThanTheScaleKeepsExactlyTheValuesOnTheVenuesGrid()
    {
        final String[] increments = {"0.001", "0.025", "0.0125", "0.015", "0.05", "0.3", "0.007", "1.5", "0.00005"};
        for (final String text : increments)
        {
            final BigDecimal venue = new BigDecimal(text);
            final long converted = TradingRules.increment(venue, 2);
            for (long scaled = 1; scaled <= 10_000; scaled++)
            {
                final boolean onVenueGrid = BigDecimal.valueOf(scaled, 2).remainder(venue).signum() == 0;
                assertThat(scaled % converted == 0).as("%s at %d", text, scaled).isEqualTo(onVenueGrid);
            }
        }
    }

    @Test
    void venueMinimumsRoundUpSoNothingBelowPasses()
    {
        assertThat(TradingRules.minimum(new BigDecimal("5.00000000"), 2)).isEqualTo(500);
        assertThat(TradingRules.minimum(new BigDecimal("0.00001000"), 8)).isEqualTo(1_000);
        assertThat(TradingRules.minimum(new BigDecimal("0.001"), 8)).isEqualTo(100_000);
        assertThat(TradingRules.minimum(new BigDecimal("5.001"), 2)).isEqualTo(501);
        assertThat(TradingRules.minimum(new BigDecimal("10"), 0)).isEqualTo(10);
        assertThat(TradingRules.minimum(new BigDecimal("0.5"), 0)).isEqualTo(1);
        assertThat(TradingRules.minimum(null, 2)).isZero();
        assertThat(TradingRules.minimum(new BigDecimal("0.00000000"), 2)).isZero();
        assertThatThrownBy(() -> TradingRules.minimum(new BigDecimal("1E+12"), 8))
            .isInstanceOf(ArithmeticException.class);
    }

    /** The four rules of one publication are read together or not at all. */
    @Test
    @Timeout(30)
    void aReaderNeverSeesRulesOfTwoPublications() throws Exception
    {
        final TradingRules table = new TradingRules(1);
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<String> torn = new AtomicReference<>();
        final AtomicLong reads = new AtomicLong();
        final Thread reader = new Thread(() ->
        {
            final InstrumentRules rules = new InstrumentRules();
            while (!stop.get())
            {
                if (table.read(0, rules))
                {
                    final long n = rules.tickSize();
                    if (rules.lotSize() != n * 2 || rules.minQty() != n * 3 || rules.minNotional() != n * 5)
                    {
                        torn.compareAndSet(null, rules.toString());
                    }
                    reads.incrementAndGet();
                }
            }
        });
        reader.start();
        for (long n = 1; n <= 2_000_000 || reads.get() < 1_000; n++)
        {
            table.publish(0, n, n * 2, n * 3, n * 5);
        }
        stop.set(true);
        reader.join();
        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isGreaterThanOrEqualTo(1_000);
    }
}
