package io.meridian.simulators.net;

/** Accepts WebSocket upgrades and handles their messages. */
public interface WebSocketHandler {
    /**
     * Called for an upgrade request on a network thread before the handshake; return null to answer
     * 404 instead, or the listener for the new session.
     */
    WebSocketListener accept(HttpRequest upgrade, WebSocketSession session);

    /** Receives one session's messages, on its network thread, in order. */
    interface WebSocketListener {
        /** The handshake completed; the session can send. */
        default void onOpen() {
        }

        void onText(String text);

        /** The connection is gone (closed by either side or dropped). */
        default void onClose() {
        }
    }
}
