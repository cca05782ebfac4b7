package io.meridian.oms.api;

/**
 * How the client edge (fix-gateway) submits commands to the sequencer. Implementations copy the
 * command (into the sequencer's ring buffer) and return false only when it could not be accepted
 * (ring full): the caller then answers the client with a reject rather than dropping it.
 */
public interface OrderEntry
{
    boolean newOrder(NewOrderCommand command);

    boolean cancelOrder(CancelOrderCommand command);

    boolean replaceOrder(ReplaceOrderCommand command);

    boolean orderStatus(OrderStatusCommand command);
}
