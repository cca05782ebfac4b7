package io.meridian.gateway;

import uk.co.real_logic.artio.engine.framer.TcpChannel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lock-step framer writes to its connections during one invocation, sent with one system
 * call per connection when it starts reading its connections (Artio's framer writes first, then reads)
 * or when the invocation ends ({@link #flush()}), instead of one system call per FIX message.
 * <p>
 * Under load one framer pass writes the reports of many orders to the same client and the child
 * orders of many to the same venue; on loopback each write is a full trip through the TCP stack
 * (a quarter of the core thread at 10k orders/s, profiled). Idle, a pass writes one message and
 * the flush follows it at once: latency does not change. A connection's buffer is an extension of
 * its socket's send buffer: a write takes what fits after trying to send what is pending, so a
 * peer that does not read still shows up to Artio as a partial write (its slow-consumer handling).
 * <p>
 * Single-threaded: every method runs on the thread that invokes the framer, which calls
 * {@link #flush()} after each invocation.
 */
final class CycleWrites
{
    static final int CONNECTION_BUFFER_BYTES = 64 * 1024;

    private final List<BatchingChannel> pending = new ArrayList<>();
    private final int bufferBytes;

    CycleWrites()
    {
        this(CONNECTION_BUFFER_BYTES);
    }

    CycleWrites(final int bufferBytes)
    {
        this.bufferBytes = bufferBytes;
    }

    TcpChannel batching(final TcpChannel channel) throws IOException
    {
        return new BatchingChannel(channel, ByteBuffer.allocateDirect(bufferBytes));
    }

    /** Sends what each connection holds; @return how many connections sent something. */
    int flush()
    {
        int sent = 0;
        for (int i = pending.size() - 1; i >= 0; i--)
        {
            final BatchingChannel channel = pending.get(i);
            if (channel.send() > 0)
            {
                sent++;
            }
            if (!channel.holds())
            {
                channel.queued = false;
                pending.remove(i);
            }
        }
        return sent;
    }

    /** Bytes held for all connections, not yet given to their sockets. */
    int heldBytes()
    {
        int bytes = 0;
        for (int i = 0; i < pending.size(); i++)
        {
            bytes += pending.get(i).buffer.position();
        }
        return bytes;
    }

    private final class BatchingChannel extends TcpChannel
    {
        private final TcpChannel delegate;
        private final ByteBuffer buffer; // write mode: [0, position) waits for the socket
        private IOException failure;
        private boolean queued;

        BatchingChannel(final TcpChannel delegate, final ByteBuffer buffer) throws IOException
        {
            super(delegate.remoteAddr());
            this.delegate = delegate;
            this.buffer = buffer;
        }

        public int write(final ByteBuffer src, final int seqNum, final boolean replay) throws IOException
        {
            if (buffer.remaining() < src.remaining())
            {
                send(); // what is held goes first, to make room
            }
            if (failure != null)
            {
                throw new IOException("Disconnected " + remoteAddress, failure);
            }
            if (buffer.position() == 0 && src.remaining() >= buffer.capacity())
            {
                return delegate.write(src, seqNum, replay); // larger than the whole buffer: straight through
            }
            final int length = Math.min(buffer.remaining(), src.remaining());
            if (length > 0)
            {
                final int limit = src.limit();
                src.limit(src.position() + length);
                buffer.put(src);
                src.limit(limit);
                if (!queued)
                {
                    queued = true;
                    pending.add(this);
                }
            }
            return length;
        }

        /** @return bytes the socket took. */
        int send()
        {
            if (buffer.position() == 0 || failure != null)
            {
                return 0;
            }
            buffer.flip();
            try
            {
                final int written = delegate.write(buffer, UNKNOWN_SEQ_NUM, false);
                buffer.compact();
                return written;
            }
            catch (final IOException e)
            {
                // the peer is gone: what is held goes with the connection, and Artio hears of it at its next write
                failure = e;
                buffer.clear();
                return 0;
            }
        }

        boolean holds()
        {
            return buffer.position() > 0 && failure == null;
        }

        public SelectionKey register(final Selector selector, final int ops, final Object attachment)
            throws ClosedChannelException
        {
            return delegate.register(selector, ops, attachment);
        }

        public int read(final ByteBuffer dst) throws IOException
        {
            // the framer reads after it has written the pass's outbound messages: they leave now, not after
            // the reads of every connection
            if (!pending.isEmpty())
            {
                flush();
            }
            return delegate.read(dst);
        }

        public void close()
        {
            send(); // a Logout written in this pass leaves before the connection closes
            buffer.clear();
            if (queued)
            {
                queued = false;
                pending.remove(this);
            }
            delegate.close();
        }

        public void onReplayComplete(final long correlationId)
        {
            delegate.onReplayComplete(correlationId);
        }
    }
}
