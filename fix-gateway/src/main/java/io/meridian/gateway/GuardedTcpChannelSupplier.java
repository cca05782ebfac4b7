package io.meridian.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.framer.DefaultTcpChannelSupplier;
import uk.co.real_logic.artio.engine.framer.TcpChannel;
import uk.co.real_logic.artio.engine.framer.TcpChannelSupplier.InitiatedChannelHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * Artio's TCP channels, with a {@link FixStreamGuard} on what each accepted (client) connection receives
 * and, when the framer runs lock-step, its writes held until the end of each framer pass ({@link CycleWrites}).
 */
final class GuardedTcpChannelSupplier extends DefaultTcpChannelSupplier
{
    private static final Logger LOG = LoggerFactory.getLogger(GuardedTcpChannelSupplier.class);

    private final CycleWrites cycleWrites;

    /** @param cycleWrites null: every write goes to the socket at once (the framer's pass has no end we see). */
    GuardedTcpChannelSupplier(final EngineConfiguration configuration, final CycleWrites cycleWrites)
    {
        super(configuration);
        this.cycleWrites = cycleWrites;
    }

    private boolean initiating;

    protected void onFinishConnect(final InitiatedChannelHandler channelHandler, final SocketChannel channel)
        throws IOException
    {
        // venue connections Meridian initiates are trusted peers and may carry data fields
        initiating = true;
        try
        {
            super.onFinishConnect(channelHandler, channel);
        }
        finally
        {
            initiating = false;
        }
    }

    protected TcpChannel newTcpChannel(final SocketChannel channel) throws IOException
    {
        final TcpChannel plain = super.newTcpChannel(channel);
        final TcpChannel guarded = initiating ? plain : new GuardedChannel(plain);
        return cycleWrites == null ? guarded : cycleWrites.batching(guarded);
    }

    private static final class GuardedChannel extends TcpChannel
    {
        private final TcpChannel delegate;
        private final FixStreamGuard guard = new FixStreamGuard();

        GuardedChannel(final TcpChannel delegate) throws IOException
        {
            super(delegate.remoteAddr());
            this.delegate = delegate;
        }

        public SelectionKey register(final Selector selector, final int ops, final Object attachment)
            throws ClosedChannelException
        {
            return delegate.register(selector, ops, attachment);
        }

        public int write(final ByteBuffer src, final int seqNum, final boolean replay) throws IOException
        {
            return delegate.write(src, seqNum, replay);
        }

        public int read(final ByteBuffer dst) throws IOException
        {
            final int from = dst.position();
            final int read = delegate.read(dst);
            if (read > 0 && !guard.accept(dst, from, from + read))
            {
                LOG.warn("event=connection_cut reason=malformed_fix_stream remote={}", remoteAddress);
                dst.position(from);
                return -1;
            }
            return read;
        }

        public void close()
        {
            delegate.close();
        }

        public void onReplayComplete(final long correlationId)
        {
            delegate.onReplayComplete(correlationId);
        }
    }
}
