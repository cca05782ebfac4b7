package io.meridian.benchmarks;

import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.fix.dialect.MessageValidator;
import io.meridian.fix.dialect.ValidationFailure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The full-dictionary validation every client message passes before the gateway decodes it
 * (ClientMessageValidation): a NewOrderSingle and a Heartbeat against QuickFIX/J's full FIX 4.4
 * dictionary, on the buffer as the Artio library hands it over. Run with {@code -prof gc} to see the
 * allocation (none).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MessageValidationBenchmark
{
    private static final String NEW_ORDER_SINGLE =
        "8=FIX.4.4|9=000|35=D|49=CLIENT1|56=MERIDIAN|34=1234|52=20250101-12:00:00.000|" +
        "11=ORDER-000000123456|1=ACC-7|55=AAPL|54=1|60=20250101-12:00:00.000|38=100|40=2|44=190.0000|59=0|10=000|";
    private static final String HEARTBEAT =
        "8=FIX.4.4|9=000|35=0|49=CLIENT1|56=MERIDIAN|34=1235|52=20250101-12:00:00.000|10=000|";

    private final MutableAsciiBuffer order = new MutableAsciiBuffer(new byte[512]);
    private final MutableAsciiBuffer heartbeat = new MutableAsciiBuffer(new byte[512]);
    private MessageValidator validator;
    private int orderLength;
    private int heartbeatLength;

    @Setup
    public void setUp()
    {
        validator = new MessageValidator(DialectDictionary.full("FIX.4.4"));
        orderLength = put(order, NEW_ORDER_SINGLE);
        heartbeatLength = put(heartbeat, HEARTBEAT);
        if (validator.validate(order, 0, orderLength) != ValidationFailure.NONE)
        {
            throw new IllegalStateException("benchmark order invalid: " + validator.failure() + " " + validator.refTagId());
        }
    }

    @Benchmark
    public ValidationFailure validateNewOrderSingle()
    {
        return validator.validate(order, 0, orderLength);
    }

    @Benchmark
    public ValidationFailure validateHeartbeat()
    {
        return validator.validate(heartbeat, 0, heartbeatLength);
    }

    private static int put(final MutableAsciiBuffer buffer, final String message)
    {
        final byte[] bytes = message.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(0, bytes);
        return bytes.length;
    }
}
