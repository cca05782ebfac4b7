package io.meridian.simulators.matching;

/** The orders resting at one price, oldest first (intrusive doubly linked list, O(1) removal). */
final class PriceLevel {
    final long price;
    Order head;
    Order tail;
    long totalQty;
    int orderCount;

    PriceLevel(long price) {
        this.price = price;
    }

    void append(Order order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        totalQty += order.leavesQty();
        orderCount++;
    }

    void remove(Order order) {
        totalQty -= order.leavesQty();
        orderCount--;
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        order.level = null;
        order.prev = null;
        order.next = null;
    }

    /** Book keeping when a resting order's open quantity shrinks in place (fill or qty-down amend). */
    void reduce(long qty) {
        totalQty -= qty;
    }

    boolean isEmpty() {
        return head == null;
    }
}
