package io.meridian.simulators.okx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * OKX {@code books} channel state of one instrument: a mirror of the venue's levels, the
 * {@code seqId}/{@code prevSeqId} chain and the checksum of the top 25 levels, turned into
 * {@code snapshot} and {@code update} pushes. Prices and sizes are printed with fixed decimals
 * (the instrument's tick and lot precision), the same strings in every push, since clients must
 * checksum the strings exactly as sent. Single-threaded (the venue thread).
 */
public final class OkxBookFeed {
    /** One changed level: scaled price, scaled size (0 removes the level) and number of orders. */
    public record Level(long price, long qty, int orders) {
    }

    private final String instId;
    private final LongFunction<String> priceText;
    private final LongFunction<String> sizeText;
    private final TreeMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, Level> asks = new TreeMap<>();
    private long seqId;
    private int checksumCorruptions;

    public OkxBookFeed(String instId, LongFunction<String> priceText, LongFunction<String> sizeText, long initialSeqId) {
        this.instId = instId;
        this.priceText = priceText;
        this.sizeText = sizeText;
        this.seqId = initialSeqId;
    }

    public String instId() {
        return instId;
    }

    public long seqId() {
        return seqId;
    }

    /** Replaces the mirror (at start or reset) without sending anything. */
    public void reset(List<Level> bidLevels, List<Level> askLevels, long newSeqId) {
        bids.clear();
        asks.clear();
        bidLevels.forEach(l -> bids.put(l.price(), l));
        askLevels.forEach(l -> asks.put(l.price(), l));
        seqId = newSeqId;
    }

    /** The next {@code count} pushes carry a wrong checksum (fault injection). */
    public void corruptNextChecksums(int count) {
        checksumCorruptions += count;
    }

    /** A {@code snapshot} push of the whole mirror as it is now ({@code prevSeqId} -1). */
    public ObjectNode snapshot(long tsMs) {
        return push("snapshot", levels(bids), levels(asks), -1, seqId, tsMs);
    }

    /**
     * Applies changed levels and returns the {@code update} push for them, with {@code prevSeqId}
     * the previous push's {@code seqId}. {@code newSeqId} must be greater than the current one.
     * A caller that drops the returned push opens a sequence gap for its subscribers.
     */
    public ObjectNode update(List<Level> bidChanges, List<Level> askChanges, long newSeqId, long tsMs) {
        apply(bids, bidChanges);
        apply(asks, askChanges);
        long prev = seqId;
        seqId = newSeqId;
        return push("update", bidChanges, askChanges, prev, newSeqId, tsMs);
    }

    /** Best levels, for {@code bbo-tbt} and REST. */
    public List<Level> topBids(int depth) {
        return first(bids, depth);
    }

    public List<Level> topAsks(int depth) {
        return first(asks, depth);
    }

    /** The checksum of the mirror's current top 25 levels. */
    public int checksum() {
        return OkxBookChecksum.checksum(strings(first(bids, OkxBookChecksum.DEPTH)), strings(first(asks, OkxBookChecksum.DEPTH)));
    }

    /** A level as OKX prints it: {@code [px, sz, "0", numOrders]}. */
    public void appendLevel(ArrayNode side, Level level) {
        side.addArray().add(priceText.apply(level.price())).add(sizeText.apply(level.qty())).add("0")
            .add(Integer.toString(level.orders()));
    }

    private ObjectNode push(String action, List<Level> bidLevels, List<Level> askLevels, long prevSeqId, long newSeqId, long tsMs) {
        ObjectNode message = OkxJson.MAPPER.createObjectNode();
        message.putObject("arg").put("channel", "books").put("instId", instId);
        message.put("action", action);
        ObjectNode data = message.putArray("data").addObject();
        ArrayNode asksNode = data.putArray("asks");
        askLevels.forEach(l -> appendLevel(asksNode, l));
        ArrayNode bidsNode = data.putArray("bids");
        bidLevels.forEach(l -> appendLevel(bidsNode, l));
        data.put("ts", Long.toString(tsMs));
        int checksum = checksum();
        if (checksumCorruptions > 0) {
            checksumCorruptions--;
            checksum = ~checksum;
        }
        data.put("checksum", checksum);
        data.put("prevSeqId", prevSeqId);
        data.put("seqId", newSeqId);
        return message;
    }

    private List<String[]> strings(List<Level> levels) {
        List<String[]> out = new ArrayList<>(levels.size());
        for (Level level : levels) {
            out.add(new String[] {priceText.apply(level.price()), sizeText.apply(level.qty())});
        }
        return out;
    }

    private static void apply(TreeMap<Long, Level> side, List<Level> changes) {
        for (Level change : changes) {
            if (change.qty() == 0) {
                side.remove(change.price());
            } else {
                side.put(change.price(), change);
            }
        }
    }

    private static List<Level> levels(TreeMap<Long, Level> side) {
        return new ArrayList<>(side.values());
    }

    private static List<Level> first(TreeMap<Long, Level> side, int depth) {
        List<Level> out = new ArrayList<>(Math.min(depth, side.size()));
        for (Map.Entry<Long, Level> entry : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(entry.getValue());
        }
        return out;
    }
}
