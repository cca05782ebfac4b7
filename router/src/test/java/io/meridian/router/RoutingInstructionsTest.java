package io.meridian.router;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing tags as a client sends them (raw fields, '|' for SOH here), valid and invalid. Quantities 8 decimals. */
class RoutingInstructionsTest
{
    private static final int QTY_SCALE = 8;
    private static final long ONE = 100_000_000L;

    private final RoutingInstructions instructions = new RoutingInstructions(4);

    private RoutingInstructionError parse(final String fields, final long orderQty)
    {
        return instructions.parse(fields.replace('|', '\u0001'), QTY_SCALE, orderQty);
    }

    private RoutingInstructionError parse(final String fields)
    {
        return parse(fields, 10 * ONE);
    }

    private static long nanos(final String iso)
    {
        final Instant instant = Instant.parse(iso);
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    @Test
    void noRoutingTagsIsNoInstruction()
    {
        assertThat(parse("7001=VWAP|18=6|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.hasInstructions()).isFalse();
        assertThat(instructions.policy()).isNull();
        assertThat(instructions.algo()).isEqualTo(AlgoType.NONE);
        assertThat(parse("")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.hasInstructions()).isFalse();
    }

    @Test
    void preferenceListPolicyWithVenuesInOrder()
    {
        assertThat(parse("7001=X|20100=3|20101=OKX  binance SIMVENUE|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.hasInstructions()).isTrue();
        assertThat(instructions.policy()).isEqualTo(RoutingPolicy.PREFERENCE_LIST);
        assertThat(instructions.venueCount()).isEqualTo(3);
        assertThat(instructions.venueNameEquals(0, "OKX")).isTrue();
        assertThat(instructions.venueNameEquals(1, "BINANCE")).as("ASCII case ignored").isTrue();
        assertThat(instructions.venueNameEquals(1, "BINANC")).isFalse();
        assertThat(instructions.venueNameEquals(2, "SIMVENUE")).isTrue();
        assertThat(instructions.venueNameEquals(2, "OKX")).isFalse();
        assertThat(instructions.appendVenueName(1, new StringBuilder())).hasToString("binance");
        assertThat(instructions.hasExDestination()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1,BEST_PRICE_SWEEP", "2,PASSIVE_BEST_QUEUE"})
    void policyCodes(final String code, final RoutingPolicy policy)
    {
        assertThat(parse("20100=" + code + "|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.policy()).isEqualTo(policy);
    }

    @Test
    void exDestinationIsSingleVenue()
    {
        assertThat(parse("100=BINANCE|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.policy()).isEqualTo(RoutingPolicy.SINGLE_VENUE);
        assertThat(instructions.exDestinationEquals("binance")).isTrue();
        assertThat(instructions.exDestinationEquals("OKX")).isFalse();
        assertThat(parse("20100=4|100=OKX|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.exDestinationEquals("OKX")).isTrue();
    }

    @Test
    void twapWithStartEndSlicesAndRandomisation()
    {
        assertThat(parse("20102=1|168=20261207-14:00:00|126=20261207-15:00:00.250|20103=12|20104=20|"))
            .isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.algo()).isEqualTo(AlgoType.TWAP);
        assertThat(instructions.hasTwapStart()).isTrue();
        assertThat(instructions.twapStartNanos()).isEqualTo(nanos("2026-12-07T14:00:00Z"));
        assertThat(instructions.twapEndNanos()).isEqualTo(nanos("2026-12-07T15:00:00.250Z"));
        assertThat(instructions.twapSlices()).isEqualTo(12);
        assertThat(instructions.twapRandomPct()).isEqualTo(20);
        assertThat(instructions.policy()).as("no policy given").isNull();
    }

    @Test
    void twapWithoutStartStartsOnArrivalAndWithoutRandomisation()
    {
        assertThat(parse("20102=1|126=20280229-23:59:59.123456789|20103=1|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.hasTwapStart()).isFalse();
        assertThat(instructions.twapStartNanos()).isZero();
        assertThat(instructions.twapEndNanos()).isEqualTo(nanos("2028-02-29T23:59:59.123456789Z"));
        assertThat(instructions.twapRandomPct()).isZero();
    }

    @Test
    void timestampsMatchJavaTime()
    {
        final String[] stamps = {"19700101-00:00:00", "20000229-12:34:56.7", "20261231-23:59:59.999999", "21000301-00:00:00.000"};
        final String[] iso = {"1970-01-01T00:00:00Z", "2000-02-29T12:34:56.7Z", "2026-12-31T23:59:59.999999Z", "2100-03-01T00:00:00Z"};
        for (int i = 0; i < stamps.length; i++)
        {
            assertThat(RoutingInstructions.timestamp(stamps[i], 0, stamps[i].length())).as(stamps[i]).isEqualTo(nanos(iso[i]));
        }
    }

    @Test
    void maxFloorImpliesIcebergAtTheInstrumentsScale()
    {
        assertThat(parse("111=0.25|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.algo()).isEqualTo(AlgoType.ICEBERG);
        assertThat(instructions.maxFloorQty()).isEqualTo(25_000_000L);
        assertThat(parse("20102=2|111=1.123456780000|")).as("trailing zeros beyond the scale").isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.maxFloorQty()).isEqualTo(112_345_678L);
        assertThat(parse("111=10|", 10 * ONE)).as("the whole order").isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.maxFloorQty()).isEqualTo(10 * ONE);
        assertThat(parse("111=3.|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.maxFloorQty()).isEqualTo(3 * ONE);
    }

    @Test
    void parseResetsEverything()
    {
        assertThat(parse("20100=3|20101=OKX|111=1|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(parse("20100=9|")).isEqualTo(RoutingInstructionError.UNKNOWN_POLICY);
        assertThat(parse("20100=1|")).isEqualTo(RoutingInstructionError.NONE);
        assertThat(instructions.venueCount()).isZero();
        assertThat(instructions.maxFloorQty()).isZero();
        assertThat(instructions.algo()).isEqualTo(AlgoType.NONE);
        assertThat(instructions.errorTag()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "20100=0|; UNKNOWN_POLICY; 20100",
        "20100=5|; UNKNOWN_POLICY; 20100",
        "20100=x|; BAD_NUMBER; 20100",
        "20100=|; BAD_NUMBER; 20100",
        "20100=1|20100=2|; DUPLICATE_TAG; 20100",
        "20100=4|; POLICY_NEEDS_EX_DESTINATION; 100",
        "20100=3|; POLICY_NEEDS_VENUE_PREFERENCE; 20101",
        "20100=1|100=OKX|; EX_DESTINATION_CONFLICTS_WITH_POLICY; 20100",
        "20101=OKX B@NANCE|; BAD_VENUE_NAME; 20101",
        "20101=OKX|NANCE|20101=B|; DUPLICATE_TAG; 20101",
        "20101=   |; BAD_VENUE_NAME; 20101",
        "20101=A B C D E|; TOO_MANY_VENUES; 20101",
        "20101=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456|; BAD_VENUE_NAME; 20101",
        "100=|; BAD_VENUE_NAME; 100",
        "20102=3|; UNKNOWN_ALGO; 20102",
        "20102=1|111=1|; ALGO_CONFLICT; 20102",
        "20102=0|111=1|; ALGO_CONFLICT; 20102",
        "20102=2|; ICEBERG_NEEDS_MAX_FLOOR; 111",
        "111=0|; MAX_FLOOR_NOT_POSITIVE; 111",
        "111=-1|; MAX_FLOOR_NOT_POSITIVE; 111",
        "111=10.00000001|; MAX_FLOOR_ABOVE_ORDER_QTY; 111",
        "111=0.000000001|; MAX_FLOOR_PRECISION; 111",
        "111=1e3|; BAD_NUMBER; 111",
        "111=1.2.3|; BAD_NUMBER; 111",
        "111=.|; BAD_NUMBER; 111",
        "111=99999999999999999999|; BAD_NUMBER; 111",
        "111=999999999999|; BAD_NUMBER; 111",
        "20102=1|20103=5|; TWAP_NEEDS_EXPIRE_TIME; 126",
        "20102=1|126=20261207-15:00:00|; TWAP_NEEDS_SLICES; 20103",
        "20102=1|168=20261207-15:00:00|126=20261207-15:00:00|20103=5|; TWAP_END_NOT_AFTER_START; 126",
        "20102=1|168=20261207-15:00:01|126=20261207-15:00:00|20103=5|; TWAP_END_NOT_AFTER_START; 126",
        "20102=1|126=20261207-15:00:00|20103=0|; TWAP_SLICES_OUT_OF_RANGE; 20103",
        "20102=1|126=20261207-15:00:00|20103=1001|; TWAP_SLICES_OUT_OF_RANGE; 20103",
        "20102=1|126=20261207-15:00:00|20103=-3|; TWAP_SLICES_OUT_OF_RANGE; 20103",
        "20102=1|126=20261207-15:00:00|20103=5|20104=51|; TWAP_RANDOM_PCT_OUT_OF_RANGE; 20104",
        "20103=5|; TWAP_PARAMETERS_WITHOUT_TWAP; 20102",
        "20104=5|111=1|; TWAP_PARAMETERS_WITHOUT_TWAP; 20102",
        "126=20261307-15:00:00|; BAD_TIMESTAMP; 126",
        "126=20260230-15:00:00|; BAD_TIMESTAMP; 126",
        "168=20261207-24:00:00|; BAD_TIMESTAMP; 168",
        "168=20261207 15:00:00|; BAD_TIMESTAMP; 168",
        "168=20261207-15:00:00.|; BAD_TIMESTAMP; 168",
        "168=20261207-15:00:00.1234567890|; BAD_TIMESTAMP; 168",
        "168=20261207-15:00:00Z|; BAD_TIMESTAMP; 168",
    })
    void invalidInstructions(final String fields, final RoutingInstructionError error, final int tag)
    {
        assertThat(parse(fields)).isEqualTo(error);
        assertThat(instructions.error()).isEqualTo(error);
        assertThat(instructions.errorTag()).isEqualTo(tag);
        assertThat(error.text()).isNotEmpty();
    }

    @Test
    void parsingAllocatesNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final StringBuilder[] inputs = {
            new StringBuilder("20100=3\u000120101=OKX BINANCE SIMVENUE\u0001111=0.5\u0001"),
            new StringBuilder("20102=1\u0001168=20261207-14:00:00\u0001126=20261207-15:00:00.250\u000120103=12\u000120104=20\u0001"),
            new StringBuilder("100=BINANCE\u00017001=X\u0001"),
            new StringBuilder("20100=9\u0001"),
        };
        long checksum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            checksum += instructions.parse(inputs[i & 3], QTY_SCALE, 10 * ONE).ordinal() + instructions.venueCount();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            checksum += instructions.parse(inputs[i & 3], QTY_SCALE, 10 * ONE).ordinal() +
                (instructions.venueCount() > 0 && instructions.venueNameEquals(0, "OKX") ? 1 : 0);
        }
        final long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(checksum).isPositive();
        assertThat(bytes).isZero();
    }
}
