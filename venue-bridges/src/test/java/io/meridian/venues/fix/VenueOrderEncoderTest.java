package io.meridian.venues.fix;

import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a child order puts on a FIX venue's wire of the parent's carried fields: the carry-tags, not the routing tags. */
class VenueOrderEncoderTest
{
    private static final String ROUTING = "100=OKX\u0001111=0.5\u0001168=20261207-14:00:00\u0001126=20261207-15:00:00\u0001" +
        "20100=3\u000120101=OKX BINANCE\u000120102=2\u000120103=10\u000120104=5\u0001";

    private final VenueOrderEncoder encoder = new VenueOrderEncoder();
    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[4096]);

    private static VenueOrder order()
    {
        final VenueOrder order = new VenueOrder().reset();
        order.clOrdId.append("C1");
        order.origClOrdId.append("C0");
        order.symbol.append("BTC-USDT");
        order.side = Side.BUY;
        order.ordType = OrdType.LIMIT;
        order.timeInForce = TimeInForce.DAY;
        order.qtyScale = 8;
        order.priceScale = 2;
        order.qty = 100_000_000L;
        order.price = 65_000_00;
        order.transactTimeNanos = 1_796_652_000_000_000_000L;
        // a client's carry-tags around its routing instructions, as the gateway copies them (message order)
        order.customFields.append("7001=VWAP\u0001").append(ROUTING).append("7002=DESK9\u0001");
        return order;
    }

    private List<Integer> tagsOf(final Encoder encoder)
    {
        // what the Artio session sets before it sends
        encoder.header().senderCompID("MERIDIAN").targetCompID("VENUE").msgSeqNum(1)
            .sendingTime("20261207-14:00:00.000".getBytes(StandardCharsets.US_ASCII));
        final long result = encoder.encode(buffer, 0);
        final int length = Encoder.length(result);
        final String message = buffer.getAscii(Encoder.offset(result), length);
        final List<Integer> tags = new ArrayList<>();
        for (final String field : message.split("\u0001"))
        {
            tags.add(Integer.parseInt(field.substring(0, field.indexOf('='))));
        }
        assertThat(message).contains("7001=VWAP\u0001").contains("7002=DESK9\u0001");
        return tags;
    }

    @Test
    void newOrderCarriesTheCarryTagsButNoRoutingTag()
    {
        assertThat(tagsOf(encoder.newOrder(order(), "BTC-USDT")))
            .contains(7001, 7002)
            .doesNotContain(100, 111, 126, 168, 20100, 20101, 20102, 20103, 20104);
    }

    @Test
    void replaceCarriesTheCarryTagsButNoRoutingTag()
    {
        assertThat(tagsOf(encoder.replace(order(), "BTC-USDT")))
            .contains(7001, 7002)
            .doesNotContain(100, 111, 126, 168, 20100, 20101, 20102, 20103, 20104);
    }
}
