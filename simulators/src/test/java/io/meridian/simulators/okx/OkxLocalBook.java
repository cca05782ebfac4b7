package io.meridian.simulators.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A client-side order book kept from OKX's {@code books} channel as OKX documents: a
 * {@code snapshot} resets it, each {@code update} must carry {@code prevSeqId} equal to the
 * previous {@code seqId}, size {@code "0"} removes a level, and after every message the CRC32 of
 * the top 25 levels (bid/ask interleaved, strings as sent) must equal {@code checksum}.
 * Written independently of the simulator's checksum code.
 */
final class OkxLocalBook {
    /** What applying one push found. */
    enum Result { OK, SEQUENCE_GAP, CHECKSUM_MISMATCH, NOT_SYNCED }

    private final TreeMap<BigDecimal, String[]> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, String[]> asks = new TreeMap<>();
    private long seqId = Long.MIN_VALUE;
    private boolean synced;
    private int updatesVerified;

    /** Applies one {@code books} push (the whole message with {@code action} and {@code data}). */
    Result apply(JsonNode push) {
        String action = push.path("action").asText();
        JsonNode data = push.path("data").path(0);
        if (action.equals("snapshot")) {
            bids.clear();
            asks.clear();
            synced = true;
        } else if (!synced) {
            return Result.NOT_SYNCED;
        } else if (data.path("prevSeqId").asLong() != seqId) {
            synced = false;
            return Result.SEQUENCE_GAP;
        }
        merge(bids, data.path("bids"));
        merge(asks, data.path("asks"));
        seqId = data.path("seqId").asLong();
        if (checksum() != data.path("checksum").asInt()) {
            synced = false;
            return Result.CHECKSUM_MISMATCH;
        }
        updatesVerified++;
        return Result.OK;
    }

    int checksum() {
        StringBuilder text = new StringBuilder();
        List<String[]> b = new ArrayList<>(bids.values());
        List<String[]> a = new ArrayList<>(asks.values());
        for (int i = 0; i < 25; i++) {
            if (i < b.size()) {
                text.append(text.length() == 0 ? "" : ":").append(b.get(i)[0]).append(':').append(b.get(i)[1]);
            }
            if (i < a.size()) {
                text.append(text.length() == 0 ? "" : ":").append(a.get(i)[0]).append(':').append(a.get(i)[1]);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }

    long seqId() {
        return seqId;
    }

    int messagesVerified() {
        return updatesVerified;
    }

    /** Levels best first as {@code price -> size} decimals, for comparison with the venue's book. */
    Map<BigDecimal, BigDecimal> bids() {
        return sizes(bids);
    }

    Map<BigDecimal, BigDecimal> asks() {
        return sizes(asks);
    }

    private static Map<BigDecimal, BigDecimal> sizes(TreeMap<BigDecimal, String[]> side) {
        Map<BigDecimal, BigDecimal> out = new java.util.LinkedHashMap<>();
        side.forEach((px, level) -> out.put(px.stripTrailingZeros(), new BigDecimal(level[1]).stripTrailingZeros()));
        return out;
    }

    private static void merge(TreeMap<BigDecimal, String[]> side, JsonNode levels) {
        for (JsonNode level : levels) {
            BigDecimal price = new BigDecimal(level.path(0).asText());
            if (new BigDecimal(level.path(1).asText()).signum() == 0) {
                side.remove(price);
            } else {
                side.put(price, new String[] {level.path(0).asText(), level.path(1).asText()});
            }
        }
    }
}
