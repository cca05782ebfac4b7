package io.meridian.gateway;

import io.aeron.CncFileDescriptor;
import org.agrona.IoUtil;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.nio.MappedByteBuffer;

/**
 * The last MsgSeqNum each FIX session sent before an unclean stop (kill -9, power loss of the
 * process), read from the dead media driver's counters file.
 *
 * <p>Artio learns its sent sequence numbers back from the message archive, which records the outbound
 * stream a little after the framer wrote it to the socket: messages sent but not yet recorded when the
 * process died are unknown at the next start, and their numbers would go out again with other content
 * (a counterparty that received them logs out with "MsgSeqNum too low"). Each session also keeps its
 * last sent number in an Aeron counter, set as it sends; the counters live in {@code cnc.dat} in the
 * Aeron directory, which a clean stop deletes and a killed process leaves behind. Read before the new
 * driver replaces it, they give a floor below which no number may be used again.
 */
public final class SentSequenceFloors
{
    private static final Logger LOG = LoggerFactory.getLogger(SentSequenceFloors.class);
    /** Artio's FixCounters.FixCountersId.SENT_MSG_SEQ_NO_TYPE_ID. */
    static final int SENT_MSG_SEQ_NO_TYPE_ID = 10_006;
    private static final String SESSION_ID_KEY = "sessId=";

    private final Long2LongHashMap lastSentBySessionId = new Long2LongHashMap(0);

    private SentSequenceFloors()
    {
    }

    /** No floors: a clean previous stop, or a first start. */
    public static SentSequenceFloors none()
    {
        return new SentSequenceFloors();
    }

    /**
     * Reads the floors from a dead driver's directory; call only while holding the data directory lock
     * (so the driver that wrote it is dead) and before a new driver starts there.
     */
    public static SentSequenceFloors readDeadDriver(final File aeronDir)
    {
        final File cnc = new File(aeronDir, CncFileDescriptor.CNC_FILE);
        final SentSequenceFloors floors = new SentSequenceFloors();
        if (!cnc.isFile() || cnc.length() < CncFileDescriptor.END_OF_METADATA_OFFSET)
        {
            return floors;
        }
        MappedByteBuffer mapped = null;
        try
        {
            mapped = IoUtil.mapExistingFile(cnc, "cnc");
            final UnsafeBuffer metaData = CncFileDescriptor.createMetaDataBuffer(mapped);
            final int version = metaData.getInt(CncFileDescriptor.cncVersionOffset(0));
            CncFileDescriptor.checkVersion(version);
            final CountersReader counters = new CountersReader(
                CncFileDescriptor.createCountersMetaDataBuffer(mapped, metaData),
                CncFileDescriptor.createCountersValuesBuffer(mapped, metaData));
            counters.forEach((counterId, typeId, keyBuffer, label) ->
            {
                final long sessionId = typeId == SENT_MSG_SEQ_NO_TYPE_ID ? sessionId(label) : -1;
                if (sessionId >= 0)
                {
                    floors.raise(sessionId, counters.getCounterValue(counterId));
                }
            });
        }
        catch (final RuntimeException e)
        {
            // a torn or foreign file: without floors the start is as safe as it was before this class
            LOG.warn("event=sent_sequence_floors_unreadable file={} error={}", cnc, e.toString());
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
        if (!floors.lastSentBySessionId.isEmpty())
        {
            LOG.warn("event=unclean_stop_detected sessionsWithSentFloors={} floors={}",
                floors.lastSentBySessionId.size(), floors.lastSentBySessionId);
        }
        return floors;
    }

    static long sessionId(final String label)
    {
        final int at = label.indexOf(SESSION_ID_KEY);
        if (at < 0)
        {
            return -1;
        }
        long id = 0;
        int digits = 0;
        for (int i = at + SESSION_ID_KEY.length(); i < label.length() && Character.isDigit(label.charAt(i)); i++)
        {
            id = id * 10 + (label.charAt(i) - '0');
            digits++;
        }
        return digits == 0 ? -1 : id;
    }

    void raise(final long sessionId, final long lastSent)
    {
        if (lastSent > lastSentBySessionId.get(sessionId))
        {
            lastSentBySessionId.put(sessionId, lastSent);
        }
    }

    /**
     * The first MsgSeqNum the session may use: one past the last number its counter showed, plus one
     * for a message the framer may have taken between the publication's commit and the counter's
     * update. 0 when nothing is known (use Artio's own number).
     */
    public int nextSafeSeqNum(final long sessionId)
    {
        final long lastSent = lastSentBySessionId.get(sessionId);
        return lastSent <= 0 ? 0 : (int)Math.min(Integer.MAX_VALUE, lastSent + 2);
    }

    public boolean isEmpty()
    {
        return lastSentBySessionId.isEmpty();
    }
}
