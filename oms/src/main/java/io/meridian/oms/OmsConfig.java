package io.meridian.oms;

import io.meridian.oms.journal.Journal;
import io.meridian.oms.journal.JournalSync;
import org.agrona.ErrorHandler;

import java.nio.file.Path;
import java.util.Objects;

/** Configuration of the {@link Oms}; fluent setters, defaults that run out of the box. */
public final class OmsConfig
{
    public static final int DEFAULT_RING_CAPACITY_BYTES = 8 * 1024 * 1024;
    public static final int MIN_RING_CAPACITY_BYTES = 64 * 1024;

    private Path journalDir = Path.of("data", "journal");
    private int journalSegmentBytes = Journal.DEFAULT_SEGMENT_BYTES;
    private JournalSync journalSync = JournalSync.OS;
    private int ringCapacityBytes = DEFAULT_RING_CAPACITY_BYTES;
    private int maxOrders = 1_000_000;
    private String orderIdPrefix = "";
    private int sequencerBatchLimit = 256;
    private int queryQueueCapacity = 1024;
    private int queryBatchLimit = 16;
    private ErrorHandler errorHandler = Throwable::printStackTrace;

    public Path journalDir()
    {
        return journalDir;
    }

    public OmsConfig journalDir(final Path journalDir)
    {
        this.journalDir = Objects.requireNonNull(journalDir);
        return this;
    }

    /** size of one journal segment file; a record never spans segments. */
    public int journalSegmentBytes()
    {
        return journalSegmentBytes;
    }

    public OmsConfig journalSegmentBytes(final int journalSegmentBytes)
    {
        this.journalSegmentBytes = journalSegmentBytes;
        return this;
    }

    /** when journal records are forced to the storage device; OS by default (see docs/durability.md). */
    public JournalSync journalSync()
    {
        return journalSync;
    }

    public OmsConfig journalSync(final JournalSync journalSync)
    {
        this.journalSync = Objects.requireNonNull(journalSync);
        return this;
    }

    /** capacity of the sequencer's input ring, a power of two (Agrona adds its trailer). */
    public int ringCapacityBytes()
    {
        return ringCapacityBytes;
    }

    public OmsConfig ringCapacityBytes(final int ringCapacityBytes)
    {
        this.ringCapacityBytes = ringCapacityBytes;
        return this;
    }

    /** orders kept (live and done); new orders beyond it are rejected with CAPACITY. Maps are pre-sized to it. */
    public int maxOrders()
    {
        return maxOrders;
    }

    public OmsConfig maxOrders(final int maxOrders)
    {
        this.maxOrders = maxOrders;
        return this;
    }

    /** prefix of every OrderID, e.g. an instance tag; the rest is a decimal sequence number. */
    public String orderIdPrefix()
    {
        return orderIdPrefix;
    }

    public OmsConfig orderIdPrefix(final String orderIdPrefix)
    {
        this.orderIdPrefix = Objects.requireNonNull(orderIdPrefix);
        return this;
    }

    /** maximum ring messages applied per {@code doWork()}. */
    public int sequencerBatchLimit()
    {
        return sequencerBatchLimit;
    }

    public OmsConfig sequencerBatchLimit(final int sequencerBatchLimit)
    {
        this.sequencerBatchLimit = sequencerBatchLimit;
        return this;
    }

    /** capacity of the queue of read requests served by the sequencer. */
    public int queryQueueCapacity()
    {
        return queryQueueCapacity;
    }

    public OmsConfig queryQueueCapacity(final int queryQueueCapacity)
    {
        this.queryQueueCapacity = queryQueueCapacity;
        return this;
    }

    /** maximum read requests served per {@code doWork()}. */
    public int queryBatchLimit()
    {
        return queryBatchLimit;
    }

    public OmsConfig queryBatchLimit(final int queryBatchLimit)
    {
        this.queryBatchLimit = queryBatchLimit;
        return this;
    }

    private java.util.List<String> venueNames = java.util.List.of();

    /** Venue names by venue id: the LastMkt (30) of a parent order's fills names its child's venue. */
    public java.util.List<String> venueNames()
    {
        return venueNames;
    }

    public OmsConfig venueNames(final java.util.List<String> venueNames)
    {
        this.venueNames = java.util.List.copyOf(venueNames);
        return this;
    }

    /** told of exceptions thrown while applying an input (bugs); the sequencer carries on. */
    public ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    public OmsConfig errorHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = Objects.requireNonNull(errorHandler);
        return this;
    }

    void validate()
    {
        if (Integer.bitCount(ringCapacityBytes) != 1 || ringCapacityBytes < MIN_RING_CAPACITY_BYTES)
        {
            throw new IllegalArgumentException(
                "ringCapacityBytes must be a power of two >= " + MIN_RING_CAPACITY_BYTES + ": " + ringCapacityBytes);
        }
        if (journalSegmentBytes < ringCapacityBytes / 8 + Journal.HEADER_LENGTH + 8 || (journalSegmentBytes & 7) != 0)
        {
            throw new IllegalArgumentException(
                "journalSegmentBytes must be a multiple of 8 holding the largest ring message: " + journalSegmentBytes);
        }
        if (maxOrders <= 0 || sequencerBatchLimit <= 0 || queryQueueCapacity <= 0 || queryBatchLimit <= 0)
        {
            throw new IllegalArgumentException("maxOrders, batch limits and queue capacity must be positive");
        }
        for (int i = 0; i < orderIdPrefix.length(); i++)
        {
            final char c = orderIdPrefix.charAt(i);
            if (c > 127 || c == '-' || c == '|' || Character.isWhitespace(c))
            {
                throw new IllegalArgumentException("orderIdPrefix must be ASCII without '-', '|' or blanks");
            }
        }
    }

    public String toString()
    {
        return "OmsConfig{journalDir=" + journalDir + ", journalSegmentBytes=" + journalSegmentBytes +
            ", journalSync=" + journalSync +
            ", ringCapacityBytes=" + ringCapacityBytes + ", maxOrders=" + maxOrders + ", orderIdPrefix='" +
            orderIdPrefix + "', sequencerBatchLimit=" + sequencerBatchLimit + ", queryQueueCapacity=" +
            queryQueueCapacity + "}";
    }
}
