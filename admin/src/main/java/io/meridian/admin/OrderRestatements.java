package io.meridian.admin;

import io.meridian.oms.OrderSnapshot;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.OrderStatusCommand;
import org.agrona.collections.IntArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * After an unclean stop, the reports the dead process sent but Artio had not archived are gap-filled,
 * not resent: a client could keep an order as PendingNew that is New, or working that is filled. For
 * each client whose sent numbers were skipped, every open order and every order that changed in the
 * last minute of the journal is restated with an unsolicited status report (ExecType I) on its session,
 * queued before the client can log on. Offered to the sequencer from the core thread as the ring takes
 * them; nothing to do after a clean stop.
 */
final class OrderRestatements
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderRestatements.class);
    static final long RECENT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ArrayDeque<OrderSnapshot> pending;
    private final OrderStatusCommand command = new OrderStatusCommand();

    private OrderRestatements(final ArrayDeque<OrderSnapshot> pending)
    {
        this.pending = pending;
    }

    static OrderRestatements afterSkip(final IntArrayList skippedClients, final List<OrderSnapshot> orders)
    {
        final ArrayDeque<OrderSnapshot> pending = new ArrayDeque<>();
        if (!skippedClients.isEmpty())
        {
            long lastUpdate = Long.MIN_VALUE;
            for (final OrderSnapshot order : orders)
            {
                lastUpdate = Math.max(lastUpdate, order.updatedNanos());
            }
            for (final OrderSnapshot order : orders)
            {
                final boolean open = order.ordStatus() != null && !order.ordStatus().isTerminal();
                if (skippedClients.containsInt(order.clientId()) &&
                    (open || order.updatedNanos() >= lastUpdate - RECENT_NANOS))
                {
                    pending.add(order);
                }
            }
            LOG.warn("event=orders_restated_after_unclean_stop clients={} orders={}", skippedClients, pending.size());
        }
        return new OrderRestatements(pending);
    }

    int size()
    {
        return pending.size();
    }

    /** @return the work done: status requests the sequencer took. */
    int offer(final OrderEntry entry)
    {
        int work = 0;
        while (!pending.isEmpty())
        {
            final OrderSnapshot order = pending.peek();
            command.reset();
            command.clientId = order.clientId();
            command.orderId.append(order.orderId());
            if (!entry.orderStatus(command))
            {
                break;
            }
            pending.poll();
            work++;
        }
        return work;
    }
}
