package io.meridian.admin.security;

import io.micronaut.http.HttpRequest;

import java.net.InetSocketAddress;

/** The peer address of a request as the socket sees it (no forwarding headers are trusted). */
final class RemoteAddress
{
    private RemoteAddress()
    {
    }

    static String of(final HttpRequest<?> request)
    {
        if (request == null)
        {
            return "unknown";
        }
        final InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    static boolean isLoopback(final HttpRequest<?> request)
    {
        return request != null && request.getRemoteAddress().getAddress() != null &&
            request.getRemoteAddress().getAddress().isLoopbackAddress();
    }
}
