package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the books checksum. The strings are OKX's documented examples; the two
 * numeric values are the ones OKX published with the same examples ({@code -1881014294} and
 * {@code 831078360}), also reproduced with Python's {@code zlib.crc32} read as a signed int32.
 */
class OkxBookChecksumTest {

    @Test
    void interleavesBidsAndAsksWhenBothSidesHaveLevels() {
        List<String[]> bids = List.of(new String[] {"3366.1", "7", "0", "3"}, new String[] {"3366", "6", "3", "4"});
        List<String[]> asks = List.of(new String[] {"3366.8", "9", "10", "3"}, new String[] {"3368", "8", "3", "4"});
        assertThat(OkxBookChecksum.checksumString(bids, asks)).isEqualTo("3366.1:7:3366.8:9:3366:6:3368:8");
        assertThat(OkxBookChecksum.checksum(bids, asks)).isEqualTo(-1881014294);
    }

    @Test
    void continuesWithTheLongerSideWhenTheOtherRunsOut() {
        List<String[]> bids = List.<String[]>of(new String[] {"3366.1", "7"});
        List<String[]> asks = List.of(new String[] {"3366.8", "9"}, new String[] {"3368", "8"}, new String[] {"3372", "8"});
        assertThat(OkxBookChecksum.checksumString(bids, asks)).isEqualTo("3366.1:7:3366.8:9:3368:8:3372:8");
        assertThat(OkxBookChecksum.checksum(bids, asks)).isEqualTo(831078360);
    }

    @Test
    void coversOnlyTheTop25LevelsPerSide() {
        List<String[]> bids = new ArrayList<>();
        List<String[]> asks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bids.add(new String[] {Integer.toString(1000 - i), "1"});
            asks.add(new String[] {Integer.toString(1001 + i), "1"});
        }
        String text = OkxBookChecksum.checksumString(bids, asks);
        assertThat(text.split(":")).hasSize(100);
        assertThat(text).endsWith("976:1:1025:1");
        assertThat(OkxBookChecksum.checksum(bids, asks))
            .isEqualTo(OkxBookChecksum.checksum(bids.subList(0, 25), asks.subList(0, 25)));
    }

    @Test
    void usesTheStringsAsSentWithoutNormalising() {
        List<String[]> bids = List.<String[]>of(new String[] {"0.5000", "1"});
        assertThat(OkxBookChecksum.checksumString(bids, List.of())).isEqualTo("0.5000:1");
        assertThat(OkxBookChecksum.checksum(bids, List.of()))
            .isNotEqualTo(OkxBookChecksum.checksum(List.<String[]>of(new String[] {"0.5", "1"}), List.of()));
    }
}
