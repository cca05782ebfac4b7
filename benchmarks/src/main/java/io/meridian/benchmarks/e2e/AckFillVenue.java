package io.meridian.benchmarks.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The venue of the end-to-end benchmark: a minimal hand-written FIX 4.4 acceptor that answers
 * Logon, TestRequest and Logout, and every NewOrderSingle with an ExecutionReport New and a full
 * fill at the order's price, written together; a MarketDataRequest (V) gets one snapshot (W) of a
 * fixed book when the venue has one (the routed row's venues), and no updates. One thread per
 * connection with blocking reads: it
 * burns no core while idle (the client and the server under test already spin on the two cores),
 * and it is no bottleneck (a few microseconds per order).
 */
final class AckFillVenue implements AutoCloseable
{
    private static final byte SOH = 1;
    private static final DateTimeFormatter SENDING_TIME =
        DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final ServerSocketChannel server;
    private final String compId;
    private final Thread acceptor;
    private final AtomicLong ordersAcked = new AtomicLong();
    private final String bookEntries;
    private volatile boolean running = true;

    AckFillVenue(final String compId) throws IOException
    {
        this(compId, null);
    }

    /**
     * @param book the snapshot's entries after NoMDEntries (268), for example from {@link #ladder}; null:
     *             no market data.
     */
    AckFillVenue(final String compId, final String book) throws IOException
    {
        this.compId = compId;
        this.bookEntries = book;
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("localhost", 0));
        acceptor = new Thread(this::acceptLoop, "bench-venue-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * A book of {@code levels} bids and asks of {@code qty} each, one tick apart, the best ask at
     * {@code bestAsk} and the best bid a tick under it, as the entries of a W (268 and its group).
     */
    static String ladder(final int levels, final BigDecimal bestAsk, final BigDecimal tick, final long qty)
    {
        final StringBuilder entries = new StringBuilder().append("268=").append(2 * levels).append('\u0001');
        for (int i = 0; i < levels; i++)
        {
            entries.append("269=0\u0001270=").append(bestAsk.subtract(tick.multiply(BigDecimal.valueOf(i + 1))).toPlainString())
                .append("\u0001271=").append(qty).append('\u0001');
            entries.append("269=1\u0001270=").append(bestAsk.add(tick.multiply(BigDecimal.valueOf(i))).toPlainString())
                .append("\u0001271=").append(qty).append('\u0001');
        }
        return entries.toString();
    }

    int port()
    {
        return server.socket().getLocalPort();
    }

    long ordersAcked()
    {
        return ordersAcked.get();
    }

    private void acceptLoop()
    {
        while (running)
        {
            try
            {
                final SocketChannel channel = server.accept();
                final Thread connection = new Thread(() -> serve(channel), "bench-venue-session");
                connection.setDaemon(true);
                connection.start();
            }
            catch (final IOException e)
            {
                return;
            }
        }
    }

    private void serve(final SocketChannel channel)
    {
        final Connection connection = new Connection(channel);
        try (channel)
        {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.run();
        }
        catch (final IOException e)
        {
            // the peer went away: nothing to do for a benchmark venue
        }

    }

    public void close() throws IOException
    {
        running = false;
        server.close();
    }

    /** One FIX session: parses what arrives, answers in one write per read. */
    private final class Connection
    {
        private final SocketChannel channel;
        private final ByteBuffer in = ByteBuffer.allocate(1 << 20);
        private final StringBuilder out = new StringBuilder(1 << 16);
        private final StringBuilder body = new StringBuilder(512);
        private final FixFields fields = new FixFields();
        private int outSeqNum;
        private long orderId;
        private String peerCompId = "MERIDIAN";
        private boolean loggedOut;

        Connection(final SocketChannel channel)
        {
            this.channel = channel;
        }

        void run() throws IOException
        {
            while (!loggedOut && channel.read(in) >= 0)
            {
                in.flip();
                out.setLength(0);
                int end;
                while ((end = FixFields.messageEnd(in.array(), in.position(), in.limit())) > 0)
                {
                    fields.parse(in.array(), in.position(), end);
                    onMessage();
                    in.position(end);
                }
                in.compact();
                if (out.length() > 0)
                {
                    final ByteBuffer bytes = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.US_ASCII));
                    while (bytes.hasRemaining())
                    {
                        channel.write(bytes);
                    }
                }
            }
        }

        private void onMessage()
        {
            final String msgType = fields.get(35);
            switch (msgType == null ? "" : msgType)
            {
                case "A":
                    peerCompId = fields.getOr(49, peerCompId);
                    send("A", "98=0\u0001108=" + fields.getOr(108, "30") + "\u0001");
                    break;
                case "1":
                    send("0", "112=" + fields.getOr(112, "") + "\u0001");
                    break;
                case "5":
                    send("5", "");
                    loggedOut = true;
                    break;
                case "D":
                    onNewOrder();
                    break;
                case "V":
                    if (bookEntries != null)
                    {
                        send("W", "262=" + fields.getOr(262, "") + "\u000155=" + fields.getOr(55, "") + "\u0001" +
                            bookEntries);
                    }
                    break;
                default:
                    break;
            }
        }

        private void onNewOrder()
        {
            final long id = ++orderId;
            final String clOrdId = fields.get(11);
            final String symbol = fields.get(55);
            final String side = fields.get(54);
            final String qty = fields.get(38);
            final String price = fields.getOr(44, "1");
            final String common = "11=" + clOrdId + "\u000155=" + symbol + "\u000154=" + side + "\u000138=" + qty +
                "\u000137=V" + id + "\u0001";
            send("8", common + "17=V" + id + "N\u0001150=0\u000139=0\u0001151=" + qty + "\u000114=0\u00016=0\u0001");
            send("8", common + "17=V" + id + "F\u0001150=F\u000139=2\u000131=" + price + "\u000132=" + qty +
                "\u0001151=0\u000114=" + qty + "\u00016=" + price + "\u0001");
            ordersAcked.incrementAndGet();
        }

        private void send(final String msgType, final String fieldsAfterHeader)
        {
            body.setLength(0);
            body.append("35=").append(msgType).append('\u0001')
                .append("49=").append(compId).append('\u0001')
                .append("56=").append(peerCompId).append('\u0001')
                .append("34=").append(++outSeqNum).append('\u0001')
                .append("52=").append(SENDING_TIME.format(Instant.now())).append('\u0001')
                .append(fieldsAfterHeader);
            final int start = out.length();
            out.append("8=FIX.4.4\u00019=").append(body.length()).append('\u0001').append(body);
            int sum = 0;
            for (int i = start; i < out.length(); i++)
            {
                sum += out.charAt(i);
            }
            final int checksum = sum & 0xFF;
            out.append("10=").append((char)('0' + checksum / 100)).append((char)('0' + checksum / 10 % 10))
                .append((char)('0' + checksum % 10)).append('\u0001');
        }
    }

    /** Tag=value fields of one FIX message, by tag (the few tags the venue reads). */
    static final class FixFields
    {
        private final String[] values = new String[300];

        /** End offset (exclusive) of the first complete message in {@code bytes[from, to)}, or -1. */
        static int messageEnd(final byte[] bytes, final int from, final int to)
        {
            // 8=FIX.4.4|9=NNN|... body ...10=CCC|
            int i = from;
            while (i < to && bytes[i] != SOH)
            {
                i++;
            }
            i++;
            if (i + 2 >= to || bytes[i] != '9' || bytes[i + 1] != '=')
            {
                return -1;
            }
            i += 2;
            int bodyLength = 0;
            while (i < to && bytes[i] != SOH)
            {
                bodyLength = bodyLength * 10 + (bytes[i] - '0');
                i++;
            }
            final int end = i + 1 + bodyLength + 7;
            return end <= to ? end : -1;
        }

        void parse(final byte[] bytes, final int from, final int to)
        {
            java.util.Arrays.fill(values, null);
            int i = from;
            while (i < to)
            {
                int tag = 0;
                while (i < to && bytes[i] != '=')
                {
                    tag = tag * 10 + (bytes[i] - '0');
                    i++;
                }
                final int valueStart = ++i;
                while (i < to && bytes[i] != SOH)
                {
                    i++;
                }
                if (tag > 0 && tag < values.length)
                {
                    values[tag] = new String(bytes, valueStart, i - valueStart, StandardCharsets.US_ASCII);
                }
                i++;
            }
        }

        String get(final int tag)
        {
            return values[tag];
        }

        String getOr(final int tag, final String defaultValue)
        {
            final String value = values[tag];
            return value == null ? defaultValue : value;
        }
    }
}
