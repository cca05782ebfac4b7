package io.meridian.simulators.net;

/** One open WebSocket connection. Thread-safe: send from any thread, frames go out in call order. */
public interface WebSocketSession {
    /** Unique per server, for logs and maps. */
    long id();

    /** The path the client connected to (without the query). */
    String path();

    void send(String text);

    boolean isOpen();

    /** Closes with a close frame. */
    void close(int statusCode, String reason);

    /** Drops the TCP connection without a close frame (a network failure as the client sees it). */
    void drop();
}
