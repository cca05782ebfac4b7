package io.meridian.venues.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crypto bridge builds its REST requests from an order's typed fields; of the carried fields it reads ExecInst (18)
 * alone. A client's routing instructions beside it (docs/router.md) change nothing, though several hold a 6.
 */
class CryptoRoutingTagsTest
{
    private static final String ROUTING = "100=OKX\u0001111=0.6\u0001168=20261207-16:00:00\u0001" +
        "126=20261207-16:30:00\u000120100=2\u000120101=OKX BINANCE\u000120102=2\u000120103=6\u000120104=6\u0001";

    @Test
    void routingTagsDoNotMakeAnOrderPostOnly()
    {
        assertThat(CryptoVenueBridge.isPostOnly(ROUTING)).isFalse();
        assertThat(CryptoVenueBridge.isPostOnly("18=6\u0001" + ROUTING)).isTrue();
        assertThat(CryptoVenueBridge.isPostOnly(ROUTING + "18=6\u0001")).isTrue();
    }
}
