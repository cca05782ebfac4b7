package io.meridian.simulators.fix;

import java.util.HashMap;
import java.util.Map;
import quickfix.SessionID;

/** Client orders by engine id, by venue OrderID and by (session, any ClOrdID of the order's chain). */
final class ClientOrderRegistry {
    private final Map<Long, ClientOrder> byEngineId = new HashMap<>();
    private final Map<String, ClientOrder> byOrderId = new HashMap<>();
    private final Map<SessionID, Map<String, ClientOrder>> byClOrdId = new HashMap<>();

    void add(ClientOrder order) {
        if (order.engineOrderId != ClientOrder.NO_ENGINE_ID) {
            byEngineId.put(order.engineOrderId, order);
            byOrderId.put(order.orderId, order);
        }
        alias(order, order.clOrdId);
    }

    /** Maps another ClOrdID (a cancel's or replace's) to the order. */
    void alias(ClientOrder order, String clOrdId) {
        byClOrdId.computeIfAbsent(order.session, s -> new HashMap<>()).put(clOrdId, order);
    }

    ClientOrder byEngineId(long engineOrderId) {
        return byEngineId.get(engineOrderId);
    }

    ClientOrder byOrderId(String orderId) {
        return byOrderId.get(orderId);
    }

    ClientOrder byClOrdId(SessionID session, String clOrdId) {
        Map<String, ClientOrder> orders = byClOrdId.get(session);
        return orders == null ? null : orders.get(clOrdId);
    }

    /** The session's live orders (New, PartiallyFilled), in order of entry. */
    java.util.List<ClientOrder> liveOrders(SessionID session) {
        return byEngineId.values().stream().filter(o -> o.session.equals(session) && o.isLive())
            .sorted(java.util.Comparator.comparingLong(o -> o.engineOrderId)).toList();
    }

    /** Every order the engine accepted, in order of entry. */
    java.util.List<ClientOrder> all() {
        return byEngineId.values().stream().sorted(java.util.Comparator.comparingLong(o -> o.engineOrderId)).toList();
    }

    boolean isClOrdIdUsed(SessionID session, String clOrdId) {
        return byClOrdId(session, clOrdId) != null;
    }
}
