package io.meridian.simulators.matching;

/** A live order inside a book; also the node of its price level's intrusive FIFO list. */
final class Order {
    final long orderId;
    final String owner;
    final String symbol;
    final Side side;
    final OrderType type;
    final TimeInForce tif;
    final boolean postOnly;
    long price;
    long qty;
    long filledQty;
    long sequence;
    OrderStatus status = OrderStatus.NEW;

    PriceLevel level;
    Order prev;
    Order next;

    Order(OrderRequest request, long sequence) {
        this.orderId = request.orderId();
        this.owner = request.owner();
        this.symbol = request.symbol();
        this.side = request.side();
        this.type = request.type();
        this.tif = request.tif();
        this.postOnly = request.postOnly();
        this.price = request.price();
        this.qty = request.qty();
        this.sequence = sequence;
    }

    long leavesQty() {
        return qty - filledQty;
    }

    void fill(long fillQty) {
        filledQty += fillQty;
        status = filledQty == qty ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    OrderState state() {
        return new OrderState(orderId, owner, symbol, side, type, tif, postOnly, price, qty, filledQty, status, sequence);
    }
}
