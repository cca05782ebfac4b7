package io.meridian.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.co.real_logic.artio.engine.framer.DefaultTcpChannel;
import uk.co.real_logic.artio.engine.framer.TcpChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The framer's writes held to the end of its pass, over real loopback sockets. */
@Timeout(30)
class CycleWritesTest
{
    private ServerSocketChannel server;
    private SocketChannel local;
    private SocketChannel peer;

    @BeforeEach
    void connect() throws IOException
    {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        local = SocketChannel.open(server.getLocalAddress());
        peer = server.accept();
        local.configureBlocking(false);
        peer.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException
    {
        peer.close();
        local.close();
        server.close();
    }

    @Test
    void messagesOfOnePassLeaveTogetherWhenItEndsAndNotBefore() throws Exception
    {
        final CycleWrites writes = new CycleWrites();
        final TcpChannel channel = writes.batching(new DefaultTcpChannel(local));

        for (int i = 0; i < 3; i++)
        {
            final ByteBuffer message = ascii("8=FIX.4.4|35=8|11=order-" + i + "|");
            final int length = message.remaining();
            assertThat(channel.write(message, i + 1, false)).isEqualTo(length);
            assertThat(message.hasRemaining()).isFalse();
        }
        Thread.sleep(50);
        assertThat(peer.read(ByteBuffer.allocate(1024))).as("nothing sent before the pass ends").isZero();
        assertThat(writes.heldBytes()).isPositive();

        assertThat(writes.flush()).isEqualTo(1);

        assertThat(readExactly(peer, writes, 3 * "8=FIX.4.4|35=8|11=order-0|".length()))
            .isEqualTo("8=FIX.4.4|35=8|11=order-0|8=FIX.4.4|35=8|11=order-1|8=FIX.4.4|35=8|11=order-2|");
        assertThat(writes.heldBytes()).isZero();
        assertThat(writes.flush()).as("nothing left to send").isZero();
    }

    @Test
    void theFramersFirstReadOfAPassSendsWhatItsWritesHeld() throws Exception
    {
        final CycleWrites writes = new CycleWrites();
        final TcpChannel channel = writes.batching(new DefaultTcpChannel(local));
        channel.write(ascii("8=FIX.4.4|35=8|11=early|"), 1, false);

        // the framer writes its outbound messages, then reads its connections: the reports leave before that
        assertThat(channel.read(ByteBuffer.allocateDirect(256))).isZero();

        assertThat(writes.heldBytes()).isZero();
        final ByteBuffer in = ByteBuffer.allocate(256);
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (in.position() < "8=FIX.4.4|35=8|11=early|".length() && System.nanoTime() < deadline)
        {
            peer.read(in);
        }
        in.flip();
        assertThat(StandardCharsets.US_ASCII.decode(in).toString()).isEqualTo("8=FIX.4.4|35=8|11=early|");
    }

    @Test
    void aPeerThatDoesNotReadSeesPartialWritesAndThenEveryByteInOrder() throws Exception
    {
        local.setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
        peer.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
        final CycleWrites writes = new CycleWrites(8 * 1024);
        final TcpChannel channel = writes.batching(new DefaultTcpChannel(local));
        final Random random = new Random(42);
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        // write as Artio does: what a write did not take is offered again first, until a write takes nothing
        ByteBuffer message = null;
        boolean partial = false;
        int passes = 0;
        while (!partial && passes++ < 10_000)
        {
            for (int i = 0; i < 20 && !partial; i++)
            {
                if (message == null || !message.hasRemaining())
                {
                    message = randomMessage(random, sent);
                }
                final int offered = message.remaining();
                final int taken = channel.write(message, 1, false);
                assertThat(taken).isBetween(0, offered);
                partial = taken < offered;
            }
            writes.flush();
        }
        assertThat(partial).as("the full socket and buffer surface as a partial write").isTrue();

        // the peer starts reading: the remainder and more messages all arrive, once each, in order
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        for (int i = 0; i < 200; i++)
        {
            while (message.hasRemaining())
            {
                channel.write(message, 1, false);
                writes.flush();
                drain(peer, in, received);
            }
            message = randomMessage(random, sent);
        }
        while (message.hasRemaining())
        {
            channel.write(message, 1, false);
            writes.flush();
        }
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (received.size() < sent.size() && System.nanoTime() < deadline)
        {
            writes.flush();
            drain(peer, in, received);
        }
        assertThat(received.toByteArray()).isEqualTo(sent.toByteArray());
    }

    @Test
    void aMessageWrittenJustBeforeCloseIsSentBeforeTheConnectionEnds() throws Exception
    {
        final CycleWrites writes = new CycleWrites();
        final TcpChannel channel = writes.batching(new DefaultTcpChannel(local));
        channel.write(ascii("8=FIX.4.4|35=5|58=bye|"), 1, false);

        channel.close();

        peer.configureBlocking(true);
        final ByteBuffer in = ByteBuffer.allocate(256);
        while (peer.read(in) >= 0)
        {
            // read to the end of the stream
        }
        in.flip();
        assertThat(StandardCharsets.US_ASCII.decode(in).toString()).isEqualTo("8=FIX.4.4|35=5|58=bye|");
        assertThat(writes.heldBytes()).isZero();
    }

    @Test
    void aGonePeerFailsTheNextWriteAsADisconnect() throws Exception
    {
        final CycleWrites writes = new CycleWrites();
        final TcpChannel channel = writes.batching(new DefaultTcpChannel(local));
        peer.setOption(StandardSocketOptions.SO_LINGER, 0);
        peer.close(); // reset: the next sends fail

        assertThatThrownBy(() ->
        {
            for (int i = 0; i < 1_000; i++)
            {
                channel.write(ascii("8=FIX.4.4|35=0|"), i, false);
                writes.flush();
                Thread.sleep(1);
            }
        }).isInstanceOf(IOException.class);
        assertThat(writes.heldBytes()).isZero();
    }

    private static ByteBuffer randomMessage(final Random random, final ByteArrayOutputStream sent)
    {
        final byte[] bytes = new byte[50 + random.nextInt(400)];
        random.nextBytes(bytes);
        sent.writeBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }

    private static void drain(final SocketChannel from, final ByteBuffer in, final ByteArrayOutputStream to)
        throws IOException
    {
        in.clear();
        final int read = from.read(in);
        if (read > 0)
        {
            to.write(in.array(), 0, read);
        }
    }

    private static String readExactly(final SocketChannel from, final CycleWrites writes, final int length)
        throws IOException
    {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final ByteBuffer in = ByteBuffer.allocate(1024);
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (received.size() < length && System.nanoTime() < deadline)
        {
            writes.flush();
            drain(from, in, received);
        }
        return received.toString(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer ascii(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
        buffer.put(bytes).flip();
        return buffer;
    }
}
