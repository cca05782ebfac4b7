package io.meridian.oms;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Read access to order state from any thread. Answers are computed on the sequencer thread (the
 * single writer) and complete the returned future there; they do not complete while the sequencer
 * agent is not running.
 */
public interface OrderQueries
{
    /** @param orderId Meridian's OrderID (37). */
    CompletableFuture<Optional<OrderSnapshot>> order(String orderId);

    /** Orders not in a terminal state, in OrderID order. */
    CompletableFuture<List<OrderSnapshot>> openOrders();

    /** All orders, including rejected and done ones, in OrderID order. */
    CompletableFuture<List<OrderSnapshot>> orders();
}
