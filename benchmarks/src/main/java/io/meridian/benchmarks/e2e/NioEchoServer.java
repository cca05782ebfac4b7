package io.meridian.benchmarks.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The loopback floor's server: plain Java NIO, one connection, echoes every byte back. Busy-spin
 * mode polls a non-blocking channel; blocking mode sleeps in read() (a thread wake-up per message).
 */
final class NioEchoServer implements SutMain.Sut
{
    private final ServerSocketChannel server;
    private final boolean busySpin;
    private final Thread thread;
    private volatile boolean running = true;

    NioEchoServer(final boolean busySpin) throws IOException
    {
        this.busySpin = busySpin;
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("localhost", 0));
        thread = new Thread(this::run, "nio-echo");
        thread.setDaemon(true);
        thread.start();
    }

    public int port()
    {
        return server.socket().getLocalPort();
    }

    public Thread coreThread()
    {
        return thread;
    }

    private void run()
    {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        while (running)
        {
            try (SocketChannel channel = server.accept())
            {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(!busySpin);
                while (running)
                {
                    final int read = channel.read(buffer);
                    if (read < 0)
                    {
                        break;
                    }
                    if (read > 0)
                    {
                        buffer.flip();
                        while (buffer.hasRemaining())
                        {
                            channel.write(buffer);
                        }
                        buffer.clear();
                    }
                }
            }
            catch (final IOException e)
            {
                if (!running)
                {
                    return;
                }
            }
        }
    }

    public void close()
    {
        running = false;
        try
        {
            server.close();
        }
        catch (final IOException e)
        {
            // closing anyway
        }
    }
}
