package io.meridian.simulators.okx;

/**
 * OKX v5 error codes the simulator answers with, with the HTTP status and message OKX documents
 * (REST codes 5xxxx, WebSocket codes 6xxxx). {@code {param0}} in a message is filled per answer.
 */
public enum OkxError {
    OK("0", 200, ""),
    ALL_OPERATIONS_FAILED("1", 200, "All operations failed"),
    PARTIALLY_SUCCEEDED("2", 200, "Bulk operation partially succeeded."),
    BODY_EMPTY("50000", 400, "Body for POST request cannot be empty."),
    SERVICE_UNAVAILABLE("50001", 503, "Service temporarily unavailable. Please try again later."),
    JSON_SYNTAX("50002", 400, "JSON syntax error"),
    ENDPOINT_TIMEOUT("50004", 400,
        "API endpoint request timeout. (does not mean that the request was successful or failed, please check the request result)."),
    RATE_LIMIT("50011", 429, "Too Many Requests"),
    /** The same code with HTTP 200, as OKX answers it on the WebSocket trade ops. */
    WS_RATE_LIMIT("50011", 200, "Rate limit reached. Please refer to API documentation and throttle requests accordingly."),
    SYSTEM_BUSY("50013", 429, "Systems are busy. Please try again later."),
    PARAM_EMPTY("50014", 400, "Parameter {param0} can not be empty."),
    COUNT_LIMIT("50025", 400, "Parameter orders count exceeds the limit {param0}."),
    SYSTEM_ERROR("50026", 500, "System error. Try again later"),
    TIMESTAMP_EXPIRED("50102", 401, "Timestamp request expired."),
    KEY_HEADER_EMPTY("50103", 401, "Request header \"OK-ACCESS-KEY\" cannot be empty."),
    PASSPHRASE_HEADER_EMPTY("50104", 401, "Request header \"OK-ACCESS-PASSPHRASE\" cannot be empty."),
    PASSPHRASE_INCORRECT("50105", 401, "Request header \"OK-ACCESS-PASSPHRASE\" incorrect."),
    SIGN_HEADER_EMPTY("50106", 401, "Request header \"OK-ACCESS-SIGN\" cannot be empty."),
    TIMESTAMP_HEADER_EMPTY("50107", 401, "Request header \"OK-ACCESS-TIMESTAMP\" cannot be empty."),
    INVALID_KEY("50111", 401, "Invalid OK-ACCESS-KEY."),
    INVALID_TIMESTAMP("50112", 401, "Invalid OK-ACCESS-TIMESTAMP."),
    INVALID_SIGN("50113", 401, "Invalid signature."),
    PARAM_ERROR("51000", 400, "Parameter {param0} error"),
    INSTRUMENT_UNKNOWN("51001", 200, "Instrument ID, Instrument ID code or Spread ID doesn't exist."),
    ORD_ID_REQUIRED("51003", 200, "Either client order ID or order ID is required."),
    INSUFFICIENT_BALANCE("51008", 200, "Order failed. Insufficient {param0} balance in account."),
    DUPLICATE_CL_ORD_ID("51016", 200, "Duplicated clOrdId"),
    BELOW_MIN_SIZE("51020", 200, "Your order should meet or exceed the minimum order amount."),
    REQUEST_TIMED_OUT("51054", 500, "Request timed out. Please try again."),
    LOT_SIZE("51121", 200, "Order quantity must be a multiple of the lot size."),
    CANCEL_FAILED("51400", 200, "Order cancellation failed as the order has been filled, canceled or does not exist."),
    AMEND_FAILED("51503", 200, "Your order has already been filled or canceled."),
    ORDER_NOT_EXIST("51603", 200, "Order does not exist."),
    WS_INVALID_TIMESTAMP("60004", 200, "Invalid timestamp"),
    WS_INVALID_KEY("60005", 200, "Invalid apiKey"),
    WS_TIMESTAMP_EXPIRED("60006", 200, "Timestamp request expired"),
    WS_INVALID_SIGN("60007", 200, "Invalid sign"),
    WS_LOGIN_FAILED("60009", 200, "Login failed."),
    WS_PLEASE_LOG_IN("60011", 200, "Please log in"),
    WS_INVALID_REQUEST("60012", 200, "Invalid request: {param0}"),
    WS_INVALID_ARGS("60013", 200, "Invalid args"),
    WS_INVALID_OP("60019", 200, "Invalid op: {param0}"),
    WS_OP_NOT_ON_THIS_URL("60028", 200,
        "The current operation is not supported by this URL. Please use the correct WebSocket URL for the operation."),
    WS_WRONG_CHANNEL("60018", 200, "Wrong URL or channel:{param0} doesn't exist."),
    WS_WRONG_PASSPHRASE("60024", 200, "Wrong passphrase");

    private final String code;
    private final int httpStatus;
    private final String message;

    OkxError(String code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }

    /** The message with {@code {param0}} replaced. */
    public String message(String param0) {
        return message.replace("{param0}", param0);
    }
}
