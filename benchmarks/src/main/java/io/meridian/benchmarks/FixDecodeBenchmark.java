package io.meridian.benchmarks;

import io.meridian.fix.Decimals;
import io.meridian.fix.codecs.decoder.NewOrderSingleDecoder;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * FIX edge: one NewOrderSingle (as the Artio library hands it over) decoded with the generated
 * decoder, validated, and mapped into a reused {@link NewOrderCommand}, with the same field
 * mapping as the gateway's ClientMessageHandler (package-private there, so replicated here).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FixDecodeBenchmark
{
    private static final String NEW_ORDER_SINGLE =
        "8=FIX.4.4|9=000|35=D|49=CLIENT1|56=MERIDIAN|34=1234|52=20250101-12:00:00.000|" +
        "11=ORDER-000000123456|1=ACC-7|55=AAPL|54=1|60=20250101-12:00:00.000|38=100|40=2|44=190.0000|59=0|10=000|";

    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[512]);
    private final NewOrderSingleDecoder decoder = new NewOrderSingleDecoder();
    private final UtcTimestampDecoder timestampDecoder = new UtcTimestampDecoder(true);
    private final NewOrderCommand command = new NewOrderCommand();
    private InstrumentRegistry instruments;
    private int length;

    @Setup
    public void setUp()
    {
        instruments = BenchInstruments.registry();
        final byte[] bytes = NEW_ORDER_SINGLE.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(0, bytes);
        length = bytes.length;
    }

    @Benchmark
    public NewOrderCommand decodeNewOrderSingle()
    {
        final NewOrderSingleDecoder d = decoder;
        d.reset();
        d.decode(buffer, 0, length);
        if (!d.validate())
        {
            throw new IllegalStateException("invalid tag " + d.invalidTagId() + " reason " + d.rejectReason());
        }
        final NewOrderCommand c = command.reset();
        c.clientId = 0;
        c.clOrdId.append(d.clOrdID(), 0, d.clOrdIDLength());
        if (d.hasAccount())
        {
            c.account.append(d.account(), 0, d.accountLength());
        }
        c.symbol.append(d.symbol(), 0, d.symbolLength());
        final long millis = timestampDecoder.decode(d.transactTime(), d.transactTimeLength());
        c.transactTimeNanos = millis == Long.MIN_VALUE ? 0 : TimeUnit.MILLISECONDS.toNanos(millis);
        c.side = Side.fromFix(d.side());
        c.ordType = OrdType.fromFix(d.ordType());
        c.timeInForce = d.hasTimeInForce() ? TimeInForce.fromFix(d.timeInForce()) : TimeInForce.DAY;
        final Instrument instrument = instruments.bySymbol(d.symbol(), d.symbolLength());
        c.instrumentId = instrument == null ? -1 : instrument.id();
        if (instrument != null)
        {
            c.qty = Decimals.toScaled(d.orderQty(), instrument.qtyScale());
            c.price = Decimals.toScaled(d.price(), instrument.priceScale());
            if (c.qty == Decimals.NOT_REPRESENTABLE || c.price == Decimals.NOT_REPRESENTABLE)
            {
                c.edgeReject = OrderRejectReason.QTY_PRECISION;
            }
        }
        return c;
    }
}
