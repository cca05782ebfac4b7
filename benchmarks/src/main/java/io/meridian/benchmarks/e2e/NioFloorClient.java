package io.meridian.benchmarks.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The loopback floor's client: the same open-loop schedule and {@link OrderTracker} as the FIX
 * client, over a plain non-blocking (busy-spinning) socket, with fixed-size messages answered in
 * order by {@link NioEchoServer}.
 */
final class NioFloorClient implements AutoCloseable
{
    private final SocketChannel channel;
    private final int messageBytes;
    private final ByteBuffer outBuffer;
    private final ByteBuffer inBuffer = ByteBuffer.allocateDirect(1 << 20);

    NioFloorClient(final String host, final int port, final int messageBytes) throws IOException
    {
        this.messageBytes = messageBytes;
        channel = SocketChannel.open(new InetSocketAddress(host, port));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        outBuffer = ByteBuffer.allocateDirect(messageBytes);
        for (int i = 0; i < messageBytes; i++)
        {
            outBuffer.put((byte)('A' + i % 26));
        }
    }

    FixLoadClient.PointResult run(final int ratePerSecond, final double warmupSeconds, final double seconds,
        final long lateThresholdNanos, final long drainTimeoutMs) throws IOException
    {
        final int warmupOrders = (int)(ratePerSecond * warmupSeconds);
        final int total = warmupOrders + (int)(ratePerSecond * seconds);
        final OrderTracker tracker = new OrderTracker(total, warmupOrders, false, lateThresholdNanos);
        final double intervalNanos = 1e9 / ratePerSecond;
        final long startNanos = System.nanoTime() + 1_000_000;
        final long measureStartNanos = startNanos + (long)(warmupOrders * intervalNanos);
        long receivedBytes = 0;
        int answered = 0;
        int index = 0;
        long sendEndNanos = 0;
        final long[] deadline = {startNanos + (long)(total * intervalNanos) +
            Math.max(2_000_000_000L, (long)(seconds * 0.5e9)) + drainTimeoutMs * 1_000_000L};
        while (answered < total && System.nanoTime() < deadline[0])
        {
            if (index < total)
            {
                final long intended = startNanos + (long)(index * intervalNanos);
                if (System.nanoTime() >= intended)
                {
                    outBuffer.clear();
                    while (outBuffer.hasRemaining() && System.nanoTime() < deadline[0])
                    {
                        channel.write(outBuffer);
                    }
                    if (outBuffer.hasRemaining())
                    {
                        break;
                    }
                    tracker.onSent(index, intended, System.nanoTime());
                    index++;
                    if (index == total)
                    {
                        sendEndNanos = System.nanoTime();
                        deadline[0] = sendEndNanos + drainTimeoutMs * 1_000_000L;
                    }
                }
            }
            final int read = channel.read(inBuffer);
            if (read > 0)
            {
                final long now = System.nanoTime();
                receivedBytes += read;
                inBuffer.clear();
                while ((answered + 1L) * messageBytes <= receivedBytes)
                {
                    tracker.onReport(answered++, OrderTracker.Stage.FIRST, now);
                }
            }
            else if (read < 0)
            {
                break;
            }
        }
        return new FixLoadClient.PointResult(
            ratePerSecond, tracker, (sendEndNanos == 0 ? System.nanoTime() : sendEndNanos) - measureStartNanos, 0, 0, 0);
    }

    public void close() throws IOException
    {
        channel.close();
    }
}
