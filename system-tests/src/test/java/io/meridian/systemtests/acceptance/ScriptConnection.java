package io.meridian.systemtests.acceptance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One scripted client connection (QuickFIX/J's TestConnection): sends raw text, and a reader
 * thread splits what the server sends into whole FIX messages and notices the disconnect.
 */
final class ScriptConnection implements AutoCloseable
{
    private final Socket socket;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CountDownLatch disconnected = new CountDownLatch(1);
    private final Thread reader;

    ScriptConnection(final int port, final int clientId) throws IOException
    {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        reader = new Thread(this::readLoop, "script-client-" + clientId);
        reader.setDaemon(true);
        reader.start();
    }

    void send(final String message) throws IOException
    {
        socket.getOutputStream().write(message.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** @return the next whole message, or null after the timeout. */
    String readMessage(final long timeoutMs) throws InterruptedException
    {
        return messages.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    boolean awaitDisconnect(final long timeoutMs) throws InterruptedException
    {
        return disconnected.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void readLoop()
    {
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        final byte[] chunk = new byte[8192];
        try
        {
            final InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(chunk)) > 0)
            {
                pending.write(chunk, 0, read);
                String text = pending.toString(StandardCharsets.ISO_8859_1);
                int end;
                while ((end = messageEnd(text)) > 0)
                {
                    messages.add(text.substring(0, end));
                    text = text.substring(end);
                }
                pending.reset();
                pending.write(text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        catch (final IOException ignored)
        {
            // reset or closed: a disconnect like any other
        }
        finally
        {
            disconnected.countDown();
        }
    }

    /** End (exclusive) of the first whole message in the text: after "SOH10=nnnSOH", or 0. */
    private static int messageEnd(final String text)
    {
        final int checksum = text.indexOf(FixMessage.SOH + "10=");
        if (checksum < 0)
        {
            return 0;
        }
        final int end = text.indexOf(FixMessage.SOH, checksum + 4);
        return end < 0 ? 0 : end + 1;
    }

    public void close()
    {
        try
        {
            socket.close();
            disconnected.await(5, TimeUnit.SECONDS);
        }
        catch (final IOException | InterruptedException ignored)
        {
            // closing anyway
        }
    }
}
