package io.meridian.simulators.net;

import java.util.concurrent.CompletableFuture;

/**
 * Answers HTTP requests. Called on a network thread; answer asynchronously (usually after a hop to
 * the exchange's loop). A future that never completes is a request that times out on the client.
 */
@FunctionalInterface
public interface HttpHandler {
    CompletableFuture<HttpResponse> handle(HttpRequest request);
}
