package io.meridian.simulators.binance;

/**
 * A Binance error answer: HTTP status plus the documented {@code {"code","msg"}} body.
 */
public record BinanceError(int httpStatus, int code, String msg) {
    public static BinanceError badRequest(int code, String msg) {
        return new BinanceError(400, code, msg);
    }

    public static BinanceError mandatory(String param) {
        return badRequest(-1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
    }

    public static BinanceError illegalChars(String param) {
        return badRequest(-1100, "Illegal characters found in parameter '" + param + "'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
    }

    public static BinanceError tooMuchPrecision(String param) {
        return badRequest(-1111, "Parameter '" + param + "' has too much precision.");
    }

    public static final BinanceError UNKNOWN_ORDER_CANCEL = badRequest(-2011, "Unknown order sent.");
    public static final BinanceError ORDER_DOES_NOT_EXIST = badRequest(-2013, "Order does not exist.");
    public static final BinanceError INVALID_SYMBOL = badRequest(-1121, "Invalid symbol.");
    public static final BinanceError BAD_SIGNATURE = badRequest(-1022, "Signature for this request is not valid.");
    public static final BinanceError OUTSIDE_RECV_WINDOW = badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
    public static final BinanceError AHEAD_OF_SERVER = badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    public static final BinanceError BAD_RECV_WINDOW = badRequest(-1131, "recvWindow must be less than 60000");
    public static final BinanceError INVALID_KEY = new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
    public static final BinanceError KEY_FORMAT = new BinanceError(401, -2014, "API-key format invalid.");
    public static final BinanceError UNKNOWN_OUTCOME = new BinanceError(503, -1007,
        "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
    public static final BinanceError INTERNAL = new BinanceError(500, -1001, "Internal error; unable to process your request. Please try again.");
    public static final BinanceError MAINTENANCE = new BinanceError(503, -1008,
        "Server is currently overloaded with other requests. Please try again in a few minutes.");
    public static final BinanceError LISTEN_KEY = badRequest(-1125, "This listenKey does not exist.");
}
