package io.meridian.simulators.exchange;

import static io.meridian.simulators.exchange.Amounts.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedExchangeTest {
    private final AtomicLong nanos = new AtomicLong(1_700_000_000_000_000_000L);
    private SimulatedExchange exchange;
    private EventLog log;

    @BeforeEach
    void setUp() {
        exchange = new SimulatedExchange(ExchangeConfig.standard("test", (b, q) -> b + q, 1).withMakers(List.of()), nanos::get);
        log = new EventLog();
        exchange.addListener(log);
    }

    @Test
    void limitOrderLocksQuoteAndCancelReleasesIt() {
        SubmitResult result = exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("0.5"), "c1"));

        assertThat(result.accepted()).isTrue();
        assertThat(exchange.balance("trader1", "USDT")).isEqualTo(new Balance("USDT", of("75000"), of("25000")));
        assertThat(exchange.openOrders("trader1", "BTCUSDT")).extracting(OrderView::clientOrderId).containsExactly("c1");

        OrderResult cancel = exchange.cancelByClientId("trader1", "BTCUSDT", "c1");

        assertThat(cancel.done()).isTrue();
        assertThat(cancel.order().status()).isEqualTo(OrdStatus.CANCELED);
        assertThat(exchange.balance("trader1", "USDT")).isEqualTo(new Balance("USDT", of("100000"), 0));
        assertThat(exchange.openOrders("trader1", "BTCUSDT")).isEmpty();
        assertThat(log.of(OrderUpdate.class)).extracting(OrderUpdate::execType).containsExactly(ExecType.NEW, ExecType.CANCELED);
    }

    @Test
    void fillsSettleBalancesWithMakerAndTakerFees() {
        exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.SELL, TimeInForce.GTC, of("60000"), of("1"), "s1"));
        SubmitResult buy = exchange.submit(NewOrder.limit("trader2", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("60100"), of("0.4"), "b1"));

        assertThat(buy.order().status()).isEqualTo(OrdStatus.FILLED);
        assertThat(buy.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualTo(of("60000"));
            assertThat(fill.commission()).isEqualTo(of("0.0004"));
            assertThat(fill.commissionAsset()).isEqualTo("BTC");
            assertThat(fill.maker()).isFalse();
        });
        // seller (maker, 0.08 %): 24000 USDT - 19.2 fee, 0.4 BTC out of the 1 locked
        assertThat(exchange.balance("trader1", "USDT")).isEqualTo(new Balance("USDT", of("123980.8"), 0));
        assertThat(exchange.balance("trader1", "BTC")).isEqualTo(new Balance("BTC", of("9"), of("0.6")));
        // buyer (taker, 0.1 %): paid 24000 at the maker price, the better-than-limit rest released
        assertThat(exchange.balance("trader2", "USDT")).isEqualTo(new Balance("USDT", of("76000"), 0));
        assertThat(exchange.balance("trader2", "BTC")).isEqualTo(new Balance("BTC", of("10.3996"), 0));
        assertThat(exchange.trades("trader1", "BTCUSDT")).singleElement().extracting(Fill::maker).isEqualTo(true);
    }

    @Test
    void rulesRejectBeforeAnythingChanges() {
        assertThat(exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000.001"), of("0.1"), null)).reject())
            .isEqualTo(ExchangeReject.PRICE_FILTER);
        assertThat(exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("0.000001"), null)).reject())
            .isEqualTo(ExchangeReject.LOT_SIZE);
        assertThat(exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("100"), of("0.01"), null)).reject())
            .isEqualTo(ExchangeReject.MIN_NOTIONAL);
        assertThat(exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("3"), null)).reject())
            .isEqualTo(ExchangeReject.INSUFFICIENT_BALANCE);
        exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("0.1"), "dup"));
        assertThat(exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("0.1"), "dup")).reject())
            .isEqualTo(ExchangeReject.DUPLICATE_CLIENT_ORDER_ID);
        assertThat(exchange.submit(NewOrder.limitMaker("trader2", "BTCUSDT", Side.SELL, of("49000"), of("0.1"), null)).reject())
            .isEqualTo(ExchangeReject.POST_ONLY_WOULD_CROSS);
        assertThat(exchange.balance("trader2", "BTC")).isEqualTo(new Balance("BTC", of("10"), 0));
    }

    @Test
    void amendDownKeepsPriorityAndReleasesLock() {
        exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("1"), "a"));
        exchange.submit(NewOrder.limit("trader2", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("1"), "b"));
        OrderResult amended = exchange.amend("trader1", "BTCUSDT", exchange.openOrders("trader1", "BTCUSDT").get(0).orderId(), of("0.5"), of("50000"));

        assertThat(amended.done()).isTrue();
        assertThat(exchange.balance("trader1", "USDT")).isEqualTo(new Balance("USDT", of("75000"), of("25000")));
        SubmitResult sell = exchange.submit(NewOrder.market("trader2", "BTCUSDT", Side.SELL, of("0.5"), null));
        assertThat(sell.fills()).singleElement().satisfies(fill -> assertThat(fill.qty()).isEqualTo(of("0.5")));
        assertThat(exchange.order("trader1", "BTCUSDT", amended.order().orderId()).orElseThrow().status()).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void depthDiffsReplayToTheBookAndIdsAreContiguous() {
        exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("50000"), of("0.5"), null));
        exchange.submit(NewOrder.limit("trader1", "BTCUSDT", Side.BUY, TimeInForce.GTC, of("49990"), of("0.5"), null));
        exchange.submit(NewOrder.limit("trader2", "BTCUSDT", Side.SELL, TimeInForce.GTC, of("50010"), of("0.5"), null));
        exchange.submit(NewOrder.market("trader2", "BTCUSDT", Side.SELL, of("0.7"), null));

        TreeMap<Long, Long> bids = new TreeMap<>();
        TreeMap<Long, Long> asks = new TreeMap<>();
        long expected = 1;
        for (DepthDiff diff : log.of(DepthDiff.class)) {
            assertThat(diff.firstUpdateId()).isEqualTo(expected);
            expected = diff.lastUpdateId() + 1;
            apply(bids, diff.bids());
            apply(asks, diff.asks());
        }
        DepthSnapshot snapshot = exchange.depth("BTCUSDT", 100).orElseThrow();
        assertThat(snapshot.lastUpdateId()).isEqualTo(expected - 1);
        assertThat(bids.descendingMap()).containsExactlyEntriesOf(toMap(snapshot.bids()));
        assertThat(asks).containsExactlyEntriesOf(toMap(snapshot.asks()));
        assertThat(snapshot.bids()).containsExactly(new PriceQty(of("49990"), of("0.3")));
        assertThat(log.of(BookTop.class)).last().satisfies(top -> assertThat(top.bidQty()).isEqualTo(of("0.3")));
    }

    @Test
    void sameSeedSameEventsWithMarketMaker() {
        assertThat(runMarketMaker(42)).isEqualTo(runMarketMaker(42)).isNotEqualTo(runMarketMaker(43));
    }

    private List<Object> runMarketMaker(long seed) {
        AtomicLong clock = new AtomicLong(1_000);
        SimulatedExchange ex = new SimulatedExchange(ExchangeConfig.standard("mm", (b, q) -> b + q, seed), clock::get);
        EventLog events = new EventLog();
        ex.addListener(events);
        MarketMaker maker = new MarketMaker(ex, ex.config().makers(), seed);
        maker.start();
        for (int i = 0; i < 50; i++) {
            clock.addAndGet(1_000_000);
            maker.step();
        }
        assertThat(events.of(TradePrint.class)).isNotEmpty();
        assertThat(ex.depth("BTCUSDT", 5).orElseThrow().bids()).hasSize(5);
        return events.events;
    }

    private static void apply(TreeMap<Long, Long> side, List<PriceQty> levels) {
        for (PriceQty level : levels) {
            if (level.qty() == 0) {
                side.remove(level.price());
            } else {
                side.put(level.price(), level.qty());
            }
        }
    }

    private static Map<Long, Long> toMap(List<PriceQty> levels) {
        Map<Long, Long> map = new java.util.LinkedHashMap<>();
        levels.forEach(l -> map.put(l.price(), l.qty()));
        return map;
    }
}
