package io.meridian.simulators.okx;

/**
 * What OKX reports about an order beyond the exchange core's view: the OKX order type and size
 * unit it was placed with, the client's {@code clOrdId} (empty if none), accumulated fee, the last
 * fill, the cancel source and the last amend request. Mutated on the venue thread only.
 */
final class OkxOrderRecord {
    final String ordType;
    final String tgtCcy;
    final String clOrdId;
    /** The size as the client sent it when it is not a base quantity (market buy in quote currency), else null. */
    final String quoteSz;
    long feeScaled;
    String feeCcy = "";
    String lastFillPx = "";
    String lastFillSz = "0";
    String lastTradeId = "";
    String lastFillTime = "";
    String cancelSource = "";
    String reqId = "";
    String tag = "";
    /** Set when an {@code ACK_THEN_REJECT} fault made the venue forget the order. */
    boolean forgotten;

    OkxOrderRecord(String ordType, String tgtCcy, String clOrdId, String quoteSz) {
        this.ordType = ordType;
        this.tgtCcy = tgtCcy;
        this.clOrdId = clOrdId;
        this.quoteSz = quoteSz;
    }
}
