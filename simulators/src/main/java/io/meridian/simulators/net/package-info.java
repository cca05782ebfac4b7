/**
 * HTTP and WebSocket server infrastructure for the crypto simulators, on Netty directly: full
 * control of status codes, headers, paths and bodies; binds in milliseconds (port 0 for tests);
 * stops cleanly; can refuse connections for a while (venue down). Also the control endpoint.
 */
package io.meridian.simulators.net;
