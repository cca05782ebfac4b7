package io.meridian.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A deliberately primitive FIX 4.4 client over a plain loopback socket, for feeding Meridian bytes
 * no FIX engine would send. It frames messages itself (BodyLength 9, CheckSum 10, SOH separators,
 * SendingTime in UTC millis) unless a test breaks the frame on purpose, tracks its outbound
 * MsgSeqNum, and splits what it reads back into {@link Received} messages. Not thread-safe.
 */
final class RawFixClient implements AutoCloseable
{
    static final char SOH = '\u0001';
    static final String BEGIN_STRING = "FIX.4.4";
    private static final DateTimeFormatter SENDING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String senderCompId;
    private final String targetCompId;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ArrayDeque<Received> parsed = new ArrayDeque<>();
    private final List<Received> history = new ArrayList<>();
    private int nextSeqNum = 1;
    private boolean closedByPeer;

    RawFixClient(final int port, final String senderCompId, final String targetCompId) throws IOException
    {
        this.senderCompId = senderCompId;
        this.targetCompId = targetCompId;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    int nextSeqNum()
    {
        return nextSeqNum;
    }

    void nextSeqNum(final int nextSeqNum)
    {
        this.nextSeqNum = nextSeqNum;
    }

    /** Every message received so far, in order. */
    List<Received> history()
    {
        return history;
    }

    // ------------------------------------------------------------------------------------ building

    /** Header fields from 35 to 52 for a message with this sequence number, each ending in SOH. */
    String header(final String msgType, final int seqNum)
    {
        return "35=" + msgType + SOH + "49=" + senderCompId + SOH + "56=" + targetCompId + SOH +
            "34=" + seqNum + SOH + "52=" + sendingTime() + SOH;
    }

    static String sendingTime()
    {
        return LocalDateTime.now(ZoneOffset.UTC).format(SENDING_TIME);
    }

    /** {@code 8=FIX.4.4|9=len|<body>10=sum|} with a correct BodyLength and CheckSum. */
    static byte[] frame(final String body)
    {
        final String head = "8=" + BEGIN_STRING + SOH + "9=" + body.getBytes(StandardCharsets.ISO_8859_1).length + SOH;
        return withChecksum(head + body);
    }

    /** Appends {@code 10=nnn|} computed over {@code beforeChecksum}. */
    static byte[] withChecksum(final String beforeChecksum)
    {
        final byte[] bytes = beforeChecksum.getBytes(StandardCharsets.ISO_8859_1);
        return (beforeChecksum + "10=" + String.format("%03d", checksum(bytes, bytes.length)) + SOH)
            .getBytes(StandardCharsets.ISO_8859_1);
    }

    static int checksum(final byte[] bytes, final int length)
    {
        int sum = 0;
        for (int i = 0; i < length; i++)
        {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }

    /** Body (header from 35 on, then {@code fields}) of the next message; consumes a sequence number. */
    String nextBody(final String msgType, final String fields)
    {
        return header(msgType, nextSeqNum++) + fields;
    }

    /** Frames and sends the next message with a correct BodyLength and CheckSum. */
    void send(final String msgType, final String fields) throws IOException
    {
        sendRaw(frame(nextBody(msgType, fields)));
    }

    /** Writes the bytes as they are; a connection the peer already dropped is noted, not thrown. */
    void sendRaw(final byte[] bytes) throws IOException
    {
        if (closedByPeer)
        {
            return;
        }
        try
        {
            out.write(bytes);
            out.flush();
        }
        catch (final SocketException e)
        {
            if (socket.isClosed())
            {
                throw e;
            }
            closedByPeer = true;
        }
    }

    /** Sends a Logon (HeartBtInt 30) with optional credentials and ResetSeqNumFlag. */
    void logon(final String username, final String password, final boolean resetSeqNum) throws IOException
    {
        if (resetSeqNum)
        {
            nextSeqNum = 1;
        }
        final StringBuilder fields = new StringBuilder("98=0").append(SOH).append("108=30").append(SOH);
        if (resetSeqNum)
        {
            fields.append("141=Y").append(SOH);
        }
        if (username != null)
        {
            fields.append("553=").append(username).append(SOH);
        }
        if (password != null)
        {
            fields.append("554=").append(password).append(SOH);
        }
        send("A", fields.toString());
    }

    /** Logs on and waits for the Logon answer; throws if the session is refused. */
    Received logonAndAwait(final String username, final String password, final boolean resetSeqNum)
        throws IOException
    {
        logon(username, password, resetSeqNum);
        final Received answer = await(m -> m.is("A") || m.is("5"), TestFixClient.TIMEOUT.toMillis());
        if (answer == null || !answer.is("A"))
        {
            throw new AssertionError("logon refused: " + answer + "; received " + history);
        }
        return answer;
    }

    /** Sends a TestRequest and waits for the Heartbeat that echoes its TestReqID. */
    boolean testRequest(final String testReqId, final long timeoutMs) throws IOException
    {
        send("1", "112=" + testReqId + SOH);
        return await(m -> m.is("0") && testReqId.equals(m.get(112)), timeoutMs) != null;
    }

    // ------------------------------------------------------------------------------------- reading

    /** The next received message, or null on timeout or when the peer closed the connection. */
    Received receive(final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (parsed.isEmpty())
        {
            if (closedByPeer)
            {
                return null;
            }
            final long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0)
            {
                return null;
            }
            readSome((int)Math.max(1, remaining));
        }
        return parsed.poll();
    }

    /** Waits for a message matching {@code filter}, skipping others; null on timeout or disconnect. */
    Received await(final Predicate<Received> filter, final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (true)
        {
            final long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0)
            {
                return null;
            }
            final Received message = receive(remaining);
            if (message == null)
            {
                return null;
            }
            if (filter.test(message))
            {
                return message;
            }
        }
    }

    /** Everything received until {@code quietMs} pass without a message (or the peer closes). */
    List<Received> drain(final long quietMs) throws IOException
    {
        final List<Received> messages = new ArrayList<>();
        Received message;
        while ((message = receive(quietMs)) != null)
        {
            messages.add(message);
        }
        return messages;
    }

    /** True once the peer has closed the connection (EOF or reset), reading and discarding until then. */
    boolean awaitDisconnect(final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!closedByPeer)
        {
            final long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0)
            {
                return false;
            }
            readSome((int)Math.max(1, remaining));
        }
        return true;
    }

    boolean isClosedByPeer()
    {
        return closedByPeer;
    }

    /** Closed by either side. */
    boolean isClosed()
    {
        return closedByPeer || socket.isClosed();
    }

    private void readSome(final int timeoutMs) throws IOException
    {
        final byte[] chunk = new byte[64 * 1024];
        try
        {
            socket.setSoTimeout(timeoutMs);
            final int read = in.read(chunk);
            if (read < 0)
            {
                closedByPeer = true;
                return;
            }
            pending.write(chunk, 0, read);
            split();
        }
        catch (final SocketTimeoutException e)
        {
            // nothing within the timeout
        }
        catch (final SocketException e)
        {
            // reset by peer
            closedByPeer = true;
        }
    }

    private void split()
    {
        final String data = pending.toString(StandardCharsets.ISO_8859_1);
        int consumed = 0;
        while (true)
        {
            final int start = data.indexOf("8=FIX", consumed);
            if (start < 0)
            {
                break;
            }
            final int checksumTag = data.indexOf(SOH + "10=", start);
            if (checksumTag < 0)
            {
                break;
            }
            final int end = data.indexOf(SOH, checksumTag + 4);
            if (end < 0)
            {
                break;
            }
            final Received message = Received.parse(data.substring(start, end + 1));
            parsed.add(message);
            history.add(message);
            consumed = end + 1;
        }
        if (consumed > 0)
        {
            final byte[] rest = data.substring(consumed).getBytes(StandardCharsets.ISO_8859_1);
            pending.reset();
            pending.write(rest, 0, rest.length);
        }
    }

    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException e)
        {
            // closing anyway
        }
    }

    /** One message read back: its fields in order (first occurrence per tag) and raw text. */
    static final class Received
    {
        final Map<Integer, String> fields;
        final String raw;

        private Received(final Map<Integer, String> fields, final String raw)
        {
            this.fields = fields;
            this.raw = raw;
        }

        static Received parse(final String raw)
        {
            final Map<Integer, String> fields = new LinkedHashMap<>();
            for (final String field : raw.split(String.valueOf(SOH)))
            {
                final int equals = field.indexOf('=');
                if (equals > 0)
                {
                    try
                    {
                        fields.putIfAbsent(Integer.parseInt(field.substring(0, equals)), field.substring(equals + 1));
                    }
                    catch (final NumberFormatException e)
                    {
                        // not a tag: keep only the raw text
                    }
                }
            }
            return new Received(fields, raw);
        }

        String msgType()
        {
            return fields.get(35);
        }

        boolean is(final String msgType)
        {
            return msgType.equals(msgType());
        }

        String get(final int tag)
        {
            return fields.get(tag);
        }

        int seqNum()
        {
            final String value = fields.get(34);
            return value == null ? -1 : Integer.parseInt(value);
        }

        public String toString()
        {
            return raw.replace(SOH, '|');
        }
    }
}
