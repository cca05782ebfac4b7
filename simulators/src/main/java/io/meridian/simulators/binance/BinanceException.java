package io.meridian.simulators.binance;

/** A request refused with a Binance error; REST and the WebSocket API render it their way. */
final class BinanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient BinanceError error;

    BinanceException(BinanceError error) {
        super(error.msg(), null, false, false);
        this.error = error;
    }
}
