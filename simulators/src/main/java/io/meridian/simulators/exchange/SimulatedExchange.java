package io.meridian.simulators.exchange;

import io.meridian.simulators.matching.BookSnapshot;
import io.meridian.simulators.matching.MatchingClock;
import io.meridian.simulators.matching.MatchingEngine;
import io.meridian.simulators.matching.MatchingListener;
import io.meridian.simulators.matching.OrderBook;
import io.meridian.simulators.matching.OrderRequest;
import io.meridian.simulators.matching.OrderState;
import io.meridian.simulators.matching.RejectReason;
import io.meridian.simulators.matching.Rejection;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import io.meridian.simulators.matching.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A venue-neutral spot exchange: the matching engine plus symbol rules, balances, fees and market
 * data bookkeeping. Not thread-safe: one thread (see {@link ExchangeLoop}) calls it and receives the
 * {@link ExchangeListener} events, synchronously, during the call that caused them. Deterministic:
 * the same config and the same calls give the same events.
 */
public final class SimulatedExchange {
    private final ExchangeConfig config;
    private final MatchingClock clock;
    private final MatchingEngine engine;
    private final Map<String, SymbolState> symbols = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<Long, Ord> orders = new HashMap<>();
    private final List<ExchangeListener> listeners = new ArrayList<>();

    private int opDepth;
    private final Set<Account> touchedAccounts = new LinkedHashSet<>();
    private final Set<SymbolState> touchedSymbols = new LinkedHashSet<>();
    private List<Fill> opFills;
    private long opOrderId;
    private Rejection lastRejection;

    public SimulatedExchange(ExchangeConfig config, MatchingClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engine = new MatchingEngine(new EngineEvents(), clock);
        for (SymbolRules rules : config.symbols()) {
            symbols.put(rules.symbol(), new SymbolState(rules, engine.addSymbol(rules.symbol())));
        }
        for (AccountConfig account : config.accounts()) {
            addAccount(account);
        }
    }

    public ExchangeConfig config() {
        return config;
    }

    public String venue() {
        return config.venue();
    }

    /** Current time of the injected clock, in nanoseconds since the epoch. */
    public long nowNanos() {
        return clock.epochNanos();
    }

    public void addListener(ExchangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ExchangeListener listener) {
        listeners.remove(listener);
    }

    /** Creates an account (replacing nothing: an existing id is an error). */
    public void addAccount(AccountConfig account) {
        if (accounts.containsKey(account.id())) {
            throw new IllegalArgumentException("account exists: " + account.id());
        }
        Account created = new Account(account.id(), account.makerFeeRate(), account.takerFeeRate(), account.keepHistory());
        account.balances().forEach((asset, amount) -> created.balance(asset).free = amount);
        accounts.put(account.id(), created);
    }

    public boolean hasAccount(String account) {
        return accounts.containsKey(account);
    }

    /** Changes an account's fee rates (scaled: 0.001 is {@code Amounts.of("0.001")}). */
    public void setFees(String account, long makerFeeRate, long takerFeeRate) {
        Account a = requireAccount(account);
        a.makerFee = makerFeeRate;
        a.takerFee = takerFeeRate;
    }

    public long makerFeeRate(String account) {
        return requireAccount(account).makerFee;
    }

    public long takerFeeRate(String account) {
        return requireAccount(account).takerFee;
    }

    // ---------------------------------------------------------------- orders

    /** Validates, locks funds, matches, and rests or expires a new order. */
    public SubmitResult submit(NewOrder request) {
        SymbolState s = symbols.get(request.symbol());
        if (s == null) {
            return SubmitResult.rejected(ExchangeReject.UNKNOWN_SYMBOL);
        }
        Account a = accounts.get(request.account());
        if (a == null) {
            return SubmitResult.rejected(ExchangeReject.UNKNOWN_ACCOUNT);
        }
        SymbolRules rules = s.rules;
        long qty = request.qty();
        long quoteQty = request.type() == OrdType.MARKET ? request.quoteQty() : 0;
        if (request.type() != OrdType.MARKET) {
            ExchangeReject priceReject = rules.checkPrice(request.price());
            if (priceReject != null) {
                return SubmitResult.rejected(priceReject);
            }
        }
        if (quoteQty > 0) {
            qty = rules.roundQtyDown(qtyForQuote(s, request.side(), quoteQty));
            if (qty == 0) {
                return SubmitResult.rejected(ExchangeReject.NO_LIQUIDITY);
            }
        }
        ExchangeReject qtyReject = rules.checkQty(qty);
        if (qtyReject != null) {
            return SubmitResult.rejected(qtyReject);
        }
        long notionalPrice = request.type() == OrdType.MARKET ? bestPrice(s, request.side().opposite()) : request.price();
        if (notionalPrice > 0 && rules.checkNotional(notionalPrice, qty) != null) {
            return SubmitResult.rejected(ExchangeReject.MIN_NOTIONAL);
        }
        if (request.clientOrderId() != null && a.openByClientId.containsKey(request.clientOrderId())) {
            return SubmitResult.rejected(ExchangeReject.DUPLICATE_CLIENT_ORDER_ID);
        }
        String lockAsset = request.side() == Side.BUY ? rules.quoteAsset() : rules.baseAsset();
        long lock;
        if (request.side() == Side.SELL) {
            lock = qty;
        } else if (request.type() == OrdType.MARKET) {
            lock = quoteQty > 0 ? quoteQty : costToBuy(s, qty);
        } else {
            lock = Amounts.mul(request.price(), qty);
        }
        if (a.balance(lockAsset).free < lock) {
            return SubmitResult.rejected(ExchangeReject.INSUFFICIENT_BALANCE);
        }

        List<Fill> outerFills = opFills;
        long outerOrderId = opOrderId;
        beginOp();
        try {
            long orderId = engine.nextOrderId();
            long now = clock.epochNanos();
            String clientOrderId = request.clientOrderId() != null ? request.clientOrderId() : generatedClientId(orderId);
            Ord ord = new Ord(orderId, clientOrderId, a, s, request.side(), request.type(), request.tif(),
                request.type() == OrdType.MARKET ? 0 : request.price(), qty, now, lockAsset);
            move(a, lockAsset, lock, true);
            ord.locked = lock;
            orders.put(orderId, ord);
            a.openByClientId.put(clientOrderId, orderId);
            a.lastByClientId.put(s.rules.symbol() + '\u0000' + clientOrderId, orderId);
            opFills = new ArrayList<>();
            opOrderId = orderId;
            lastRejection = null;
            engine.submit(toEngine(ord));
            if (lastRejection != null) {
                move(a, lockAsset, lock, false);
                orders.remove(orderId);
                a.openByClientId.remove(clientOrderId);
                a.lastByClientId.remove(s.rules.symbol() + '\u0000' + clientOrderId);
                touchedAccounts.remove(a);
                return SubmitResult.rejected(map(lastRejection.reason()));
            }
            return new SubmitResult(null, ord.view(), opFills);
        } finally {
            opFills = outerFills;
            opOrderId = outerOrderId;
            endOp();
        }
    }

    /** Cancels an open order of {@code account} by venue order id. */
    public OrderResult cancel(String account, String symbol, long orderId) {
        Ord ord = orders.get(orderId);
        if (ord == null || !ord.status.isOpen() || !ord.account.id.equals(account) || !ord.symbol.rules.symbol().equals(symbol)) {
            return OrderResult.rejected(ExchangeReject.UNKNOWN_ORDER);
        }
        beginOp();
        try {
            engine.cancel(symbol, orderId);
            return new OrderResult(null, ord.view(), List.of());
        } finally {
            endOp();
        }
    }

    /** Cancels an open order of {@code account} by client order id. */
    public OrderResult cancelByClientId(String account, String symbol, String clientOrderId) {
        Account a = accounts.get(account);
        Long orderId = a == null ? null : a.openByClientId.get(clientOrderId);
        return orderId == null ? OrderResult.rejected(ExchangeReject.UNKNOWN_ORDER) : cancel(account, symbol, orderId);
    }

    /** Cancels every open order of {@code account} on {@code symbol}, oldest first; returns them. */
    public List<OrderView> cancelAll(String account, String symbol) {
        List<OrderView> canceled = new ArrayList<>();
        beginOp();
        try {
            for (OrderView open : openOrders(account, symbol)) {
                OrderResult result = cancel(account, symbol, open.orderId());
                if (result.done()) {
                    canceled.add(result.order());
                }
            }
        } finally {
            endOp();
        }
        return canceled;
    }

    /**
     * Amends an open limit order to a new total quantity and price. Quantity down at the same price
     * keeps time priority; anything else loses it, and a new price that crosses trades at once.
     */
    public OrderResult amend(String account, String symbol, long orderId, long newQty, long newPrice) {
        Ord ord = orders.get(orderId);
        if (ord == null || !ord.status.isOpen() || !ord.account.id.equals(account) || !ord.symbol.rules.symbol().equals(symbol)) {
            return OrderResult.rejected(ExchangeReject.UNKNOWN_ORDER);
        }
        SymbolRules rules = ord.symbol.rules;
        ExchangeReject reject = rules.checkPrice(newPrice);
        if (reject == null) {
            reject = rules.checkQty(newQty);
        }
        if (reject == null && newQty <= ord.executedQty) {
            reject = ExchangeReject.INVALID_AMEND;
        }
        if (reject == null && rules.checkNotional(newPrice, newQty) != null) {
            reject = ExchangeReject.MIN_NOTIONAL;
        }
        if (reject != null) {
            return OrderResult.rejected(reject);
        }
        long required = ord.side == Side.BUY ? Amounts.mul(newPrice, newQty - ord.executedQty) : newQty - ord.executedQty;
        long delta = required - ord.locked;
        Account a = ord.account;
        if (delta > 0 && a.balance(ord.lockAsset).free < delta) {
            return OrderResult.rejected(ExchangeReject.INSUFFICIENT_BALANCE);
        }
        List<Fill> outerFills = opFills;
        long outerOrderId = opOrderId;
        beginOp();
        try {
            adjustLock(ord, delta);
            opFills = new ArrayList<>();
            opOrderId = orderId;
            lastRejection = null;
            engine.replace(symbol, orderId, newQty, newPrice);
            if (lastRejection != null) {
                adjustLock(ord, -delta);
                touchedAccounts.remove(a);
                return OrderResult.rejected(map(lastRejection.reason()));
            }
            return new OrderResult(null, ord.view(), opFills);
        } finally {
            opFills = outerFills;
            opOrderId = outerOrderId;
            endOp();
        }
    }

    /**
     * Runs several operations as one: their balance changes, depth diff and book top are emitted
     * once, at the end (a market maker requoting, a batch request).
     */
    public void batch(Runnable operations) {
        beginOp();
        try {
            operations.run();
        } finally {
            endOp();
        }
    }

    /** Credits (positive) or debits an asset outside trading, like a deposit; emits an ADJUSTMENT change. */
    public void adjustBalance(String account, String asset, long delta) {
        Account a = requireAccount(account);
        BalanceCell cell = a.balance(asset);
        if (cell.free + delta < 0) {
            throw new IllegalArgumentException("balance would go negative: " + account + " " + asset);
        }
        cell.free += delta;
        long now = clock.epochNanos();
        BalanceChange change = new BalanceChange(account, BalanceChange.Reason.ADJUSTMENT,
            List.of(new Balance(asset, cell.free, cell.locked)), asset, delta, now);
        for (ExchangeListener listener : listeners) {
            listener.onBalanceChange(change);
        }
    }

    // ---------------------------------------------------------------- queries

    public Optional<SymbolRules> rules(String symbol) {
        SymbolState s = symbols.get(symbol);
        return s == null ? Optional.empty() : Optional.of(s.rules);
    }

    public List<SymbolRules> allRules() {
        List<SymbolRules> result = new ArrayList<>();
        symbols.values().forEach(s -> result.add(s.rules));
        return result;
    }

    /** An order of {@code account} (open, or done and kept) by venue order id. */
    public Optional<OrderView> order(String account, String symbol, long orderId) {
        Ord ord = orders.get(orderId);
        if (ord == null || !ord.account.id.equals(account) || !ord.symbol.rules.symbol().equals(symbol)) {
            return Optional.empty();
        }
        return Optional.of(ord.view());
    }

    /** The latest order of {@code account} on {@code symbol} with this client order id. */
    public Optional<OrderView> orderByClientId(String account, String symbol, String clientOrderId) {
        Account a = accounts.get(account);
        Long orderId = a == null ? null : a.lastByClientId.get(symbol + '\u0000' + clientOrderId);
        return orderId == null ? Optional.empty() : order(account, symbol, orderId);
    }

    /** Open orders of {@code account}, on one symbol or all ({@code symbol} null), by order id. */
    public List<OrderView> openOrders(String account, String symbol) {
        Account a = accounts.get(account);
        if (a == null) {
            return List.of();
        }
        TreeSet<Long> ids = new TreeSet<>(a.openByClientId.values());
        List<OrderView> result = new ArrayList<>();
        for (long id : ids) {
            Ord ord = orders.get(id);
            if (ord != null && (symbol == null || ord.symbol.rules.symbol().equals(symbol))) {
                result.add(ord.view());
            }
        }
        return result;
    }

    /** Every order of {@code account} on {@code symbol} the exchange kept, by order id. */
    public List<OrderView> allOrders(String account, String symbol) {
        List<OrderView> result = new ArrayList<>();
        orders.values().stream()
            .filter(o -> o.account.id.equals(account) && o.symbol.rules.symbol().equals(symbol))
            .sorted(Comparator.comparingLong(o -> o.orderId))
            .forEach(o -> result.add(o.view()));
        return result;
    }

    /** Fills of {@code account} on {@code symbol}, oldest first. */
    public List<Fill> trades(String account, String symbol) {
        Account a = accounts.get(account);
        if (a == null) {
            return List.of();
        }
        return List.copyOf(a.trades.getOrDefault(symbol, List.of()));
    }

    /** Every asset the account ever held, by asset name. */
    public List<Balance> balances(String account) {
        Account a = requireAccount(account);
        List<Balance> result = new ArrayList<>();
        a.balances.forEach((asset, cell) -> result.add(new Balance(asset, cell.free, cell.locked)));
        return result;
    }

    public Balance balance(String account, String asset) {
        BalanceCell cell = requireAccount(account).balance(asset);
        return new Balance(asset, cell.free, cell.locked);
    }

    /** The best {@code limit} levels per side, with the update id they reflect. */
    public Optional<DepthSnapshot> depth(String symbol, int limit) {
        SymbolState s = symbols.get(symbol);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(new DepthSnapshot(symbol, s.updateId, levels(s, Side.BUY, limit), levels(s, Side.SELL, limit), clock.epochNanos()));
    }

    /** Current best bid and offer. */
    public Optional<BookTop> bookTop(String symbol) {
        SymbolState s = symbols.get(symbol);
        return s == null ? Optional.empty() : Optional.of(top(s, clock.epochNanos()));
    }

    /** Last depth update id of a symbol (0 before any change). */
    public long depthUpdateId(String symbol) {
        SymbolState s = symbols.get(symbol);
        return s == null ? 0 : s.updateId;
    }

    /** Last trade id of a symbol (0 before any trade). */
    public long lastTradeId(String symbol) {
        SymbolState s = symbols.get(symbol);
        return s == null ? 0 : s.lastTradeId;
    }

    // ---------------------------------------------------------------- internals

    private Account requireAccount(String account) {
        Account a = accounts.get(account);
        if (a == null) {
            throw new IllegalArgumentException("unknown account: " + account);
        }
        return a;
    }

    private String generatedClientId(long orderId) {
        return "sim" + config.venue() + orderId;
    }

    private static OrderRequest toEngine(Ord ord) {
        String symbol = ord.symbol.rules.symbol();
        return switch (ord.type) {
            case LIMIT -> OrderRequest.limit(ord.orderId, ord.account.id, symbol, ord.side, ord.tif, ord.price, ord.origQty);
            case LIMIT_MAKER -> OrderRequest.postOnly(ord.orderId, ord.account.id, symbol, ord.side, ord.price, ord.origQty);
            case MARKET -> OrderRequest.market(ord.orderId, ord.account.id, symbol, ord.side,
                ord.tif == TimeInForce.FOK ? TimeInForce.FOK : TimeInForce.IOC, ord.origQty);
        };
    }

    private static ExchangeReject map(RejectReason reason) {
        return switch (reason) {
            case POST_ONLY_WOULD_CROSS -> ExchangeReject.POST_ONLY_WOULD_CROSS;
            case UNKNOWN_SYMBOL -> ExchangeReject.UNKNOWN_SYMBOL;
            case INVALID_QUANTITY -> ExchangeReject.LOT_SIZE;
            case INVALID_PRICE -> ExchangeReject.PRICE_FILTER;
            case UNKNOWN_ORDER -> ExchangeReject.UNKNOWN_ORDER;
            case QUANTITY_NOT_ABOVE_FILLED, UNSUPPORTED_ORDER -> ExchangeReject.INVALID_AMEND;
            case DUPLICATE_ORDER_ID -> ExchangeReject.DUPLICATE_CLIENT_ORDER_ID;
        };
    }

    private long bestPrice(SymbolState s, Side side) {
        List<BookSnapshot.Level> best = s.book.levels(side, 1);
        return best.isEmpty() ? 0 : best.get(0).price();
    }

    /** Quote cost of buying {@code qty} from the asks (of what is there, if the book is thinner). */
    private long costToBuy(SymbolState s, long qty) {
        long remaining = qty;
        long cost = 0;
        for (BookSnapshot.Level level : s.book.levels(Side.SELL, Integer.MAX_VALUE)) {
            long take = Math.min(remaining, level.qty());
            cost += Amounts.mul(level.price(), take);
            remaining -= take;
            if (remaining == 0) {
                break;
            }
        }
        return cost;
    }

    /** Base quantity that {@code quoteQty} buys (or sells for) walking the opposite side. */
    private long qtyForQuote(SymbolState s, Side side, long quoteQty) {
        long remaining = quoteQty;
        long qty = 0;
        for (BookSnapshot.Level level : s.book.levels(side.opposite(), Integer.MAX_VALUE)) {
            long levelCost = Amounts.mul(level.price(), level.qty());
            if (levelCost <= remaining) {
                qty += level.qty();
                remaining -= levelCost;
            } else {
                qty += Amounts.div(remaining, level.price());
                break;
            }
        }
        return qty;
    }

    private void move(Account a, String asset, long amount, boolean lock) {
        BalanceCell cell = a.balance(asset);
        long signed = lock ? amount : -amount;
        cell.free -= signed;
        cell.locked += signed;
        touch(a, asset);
    }

    private void adjustLock(Ord ord, long delta) {
        if (delta != 0) {
            move(ord.account, ord.lockAsset, Math.abs(delta), delta > 0);
            ord.locked += delta;
        }
    }

    private void touch(Account a, String asset) {
        touchedAccounts.add(a);
        a.touchedAssets.add(asset);
    }

    private void beginOp() {
        opDepth++;
    }

    private void endOp() {
        if (--opDepth > 0) {
            return;
        }
        long now = clock.epochNanos();
        for (Account a : touchedAccounts) {
            List<Balance> changed = new ArrayList<>();
            for (String asset : a.touchedAssets) {
                BalanceCell cell = a.balance(asset);
                changed.add(new Balance(asset, cell.free, cell.locked));
            }
            a.touchedAssets.clear();
            BalanceChange change = new BalanceChange(a.id, BalanceChange.Reason.ORDER, changed, null, 0, now);
            for (ExchangeListener listener : listeners) {
                listener.onBalanceChange(change);
            }
        }
        touchedAccounts.clear();
        for (SymbolState s : touchedSymbols) {
            publishDepth(s, now);
        }
        touchedSymbols.clear();
    }

    private void publishDepth(SymbolState s, long now) {
        List<PriceQty> bids = changedLevels(s, Side.BUY, s.touchedBids, s.publishedBids);
        List<PriceQty> asks = changedLevels(s, Side.SELL, s.touchedAsks, s.publishedAsks);
        if (bids.isEmpty() && asks.isEmpty()) {
            return;
        }
        long first = s.updateId + 1;
        s.updateId += bids.size() + asks.size();
        DepthDiff diff = new DepthDiff(s.rules.symbol(), first, s.updateId, bids, asks, now);
        for (ExchangeListener listener : listeners) {
            listener.onDepthDiff(diff);
        }
        BookTop top = top(s, now);
        if (s.lastTop == null || top.bidPrice() != s.lastTop.bidPrice() || top.bidQty() != s.lastTop.bidQty()
            || top.askPrice() != s.lastTop.askPrice() || top.askQty() != s.lastTop.askQty()) {
            s.lastTop = top;
            for (ExchangeListener listener : listeners) {
                listener.onBookTop(top);
            }
        }
    }

    private List<PriceQty> changedLevels(SymbolState s, Side side, Set<Long> touched, Map<Long, Long> published) {
        if (touched.isEmpty()) {
            return List.of();
        }
        List<PriceQty> changed = new ArrayList<>();
        for (long price : touched) {
            long qty = s.book.levelQty(side, price);
            long before = published.getOrDefault(price, 0L);
            if (qty != before) {
                changed.add(new PriceQty(price, qty));
                if (qty == 0) {
                    published.remove(price);
                } else {
                    published.put(price, qty);
                }
            }
        }
        touched.clear();
        return changed;
    }

    private static List<PriceQty> levels(SymbolState s, Side side, int limit) {
        List<PriceQty> result = new ArrayList<>();
        for (BookSnapshot.Level level : s.book.levels(side, limit)) {
            result.add(new PriceQty(level.price(), level.qty()));
        }
        return result;
    }

    private static BookTop top(SymbolState s, long now) {
        List<BookSnapshot.Level> bid = s.book.levels(Side.BUY, 1);
        List<BookSnapshot.Level> ask = s.book.levels(Side.SELL, 1);
        return new BookTop(s.rules.symbol(), s.updateId,
            bid.isEmpty() ? 0 : bid.get(0).price(), bid.isEmpty() ? 0 : bid.get(0).qty(),
            ask.isEmpty() ? 0 : ask.get(0).price(), ask.isEmpty() ? 0 : ask.get(0).qty(), now);
    }

    private void touchLevel(Ord ord, long price) {
        SymbolState s = ord.symbol;
        (ord.side == Side.BUY ? s.touchedBids : s.touchedAsks).add(price);
        touchedSymbols.add(s);
    }

    private void emit(OrderUpdate update) {
        for (ExchangeListener listener : listeners) {
            listener.onOrderUpdate(update);
        }
    }

    private Fill settle(Ord ord, Trade trade, boolean maker) {
        Account a = ord.account;
        SymbolRules rules = ord.symbol.rules;
        long qty = trade.qty();
        long quote = Amounts.mul(trade.price(), qty);
        long rate = maker ? a.makerFee : a.takerFee;
        long fee;
        String feeAsset;
        if (ord.side == Side.BUY) {
            fee = Amounts.mul(qty, rate);
            feeAsset = rules.baseAsset();
            a.balance(rules.quoteAsset()).locked -= quote;
            a.balance(rules.baseAsset()).free += qty - fee;
            ord.locked -= quote;
        } else {
            fee = Amounts.mul(quote, rate);
            feeAsset = rules.quoteAsset();
            a.balance(rules.baseAsset()).locked -= qty;
            a.balance(rules.quoteAsset()).free += quote - fee;
            ord.locked -= qty;
        }
        touch(a, rules.baseAsset());
        touch(a, rules.quoteAsset());
        ord.executedQty += qty;
        ord.cumQuoteQty += quote;
        ord.status = ord.executedQty == ord.origQty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
        ord.updateNanos = trade.timestampNanos();
        Fill fill = new Fill(trade.tradeId(), ord.orderId, a.id, rules.symbol(), ord.side, trade.price(), qty, quote,
            fee, feeAsset, maker, trade.timestampNanos());
        if (a.keepHistory) {
            a.trades.computeIfAbsent(rules.symbol(), k -> new ArrayList<>()).add(fill);
        }
        if (opFills != null && ord.orderId == opOrderId) {
            opFills.add(fill);
        }
        return fill;
    }

    /** Releases what the order still locks and forgets it as open. */
    private void finish(Ord ord) {
        if (ord.locked != 0) {
            adjustLock(ord, -ord.locked);
        }
        Account a = ord.account;
        a.openByClientId.remove(ord.clientOrderId, ord.orderId);
        if (!a.keepHistory) {
            orders.remove(ord.orderId);
            a.lastByClientId.remove(ord.symbol.rules.symbol() + '\u0000' + ord.clientOrderId);
        }
    }

    private final class EngineEvents implements MatchingListener {
        @Override
        public void onAccepted(OrderState order, long timestampNanos) {
            Ord ord = orders.get(order.orderId());
            if (ord.type != OrdType.MARKET) {
                touchLevel(ord, ord.price);
            }
            emit(new OrderUpdate(ExecType.NEW, ord.view(), null, null, timestampNanos));
        }

        @Override
        public void onTrade(Trade trade) {
            Ord maker = orders.get(trade.maker().orderId());
            Ord taker = orders.get(trade.taker().orderId());
            SymbolState s = maker.symbol;
            s.lastTradeId = trade.tradeId();
            touchLevel(maker, trade.price());
            Fill makerFill = settle(maker, trade, true);
            Fill takerFill = settle(taker, trade, false);
            boolean buyerIsMaker = maker.side == Side.BUY;
            TradePrint print = new TradePrint(s.rules.symbol(), trade.tradeId(), trade.price(), trade.qty(),
                buyerIsMaker ? maker.orderId : taker.orderId, buyerIsMaker ? taker.orderId : maker.orderId,
                buyerIsMaker, trade.timestampNanos());
            for (ExchangeListener listener : listeners) {
                listener.onTradePrint(print);
            }
            OrderView makerView = maker.view();
            OrderView takerView = taker.view();
            if (maker.status == OrdStatus.FILLED) {
                finish(maker);
            }
            emit(new OrderUpdate(ExecType.TRADE, makerView, makerFill, null, trade.timestampNanos()));
            if (taker.status == OrdStatus.FILLED) {
                finish(taker);
            }
            emit(new OrderUpdate(ExecType.TRADE, takerView, takerFill, null, trade.timestampNanos()));
        }

        @Override
        public void onCanceled(OrderState order, long canceledQty, long timestampNanos) {
            Ord ord = orders.get(order.orderId());
            ord.status = OrdStatus.CANCELED;
            ord.updateNanos = timestampNanos;
            touchLevel(ord, ord.price);
            OrderView view = ord.view();
            finish(ord);
            emit(new OrderUpdate(ExecType.CANCELED, view, null, null, timestampNanos));
        }

        @Override
        public void onExpired(OrderState order, long expiredQty, long timestampNanos) {
            Ord ord = orders.get(order.orderId());
            ord.status = OrdStatus.EXPIRED;
            ord.updateNanos = timestampNanos;
            OrderView view = ord.view();
            finish(ord);
            emit(new OrderUpdate(ExecType.EXPIRED, view, null, null, timestampNanos));
        }

        @Override
        public void onReplaced(OrderState before, OrderState after, long timestampNanos) {
            Ord ord = orders.get(after.orderId());
            OrderView beforeView = ord.view();
            ord.price = after.price();
            ord.origQty = after.qty();
            ord.updateNanos = timestampNanos;
            touchLevel(ord, before.price());
            touchLevel(ord, after.price());
            emit(new OrderUpdate(ExecType.REPLACED, ord.view(), null, beforeView, timestampNanos));
        }

        @Override
        public void onRejected(Rejection rejection) {
            lastRejection = rejection;
        }
    }

    private static final class SymbolState {
        final SymbolRules rules;
        final OrderBook book;
        final Set<Long> touchedBids = new TreeSet<>(Comparator.reverseOrder());
        final Set<Long> touchedAsks = new TreeSet<>();
        final Map<Long, Long> publishedBids = new HashMap<>();
        final Map<Long, Long> publishedAsks = new HashMap<>();
        long updateId;
        long lastTradeId;
        BookTop lastTop;

        SymbolState(SymbolRules rules, OrderBook book) {
            this.rules = rules;
            this.book = book;
        }
    }

    private static final class BalanceCell {
        long free;
        long locked;
    }

    private static final class Account {
        final String id;
        final boolean keepHistory;
        long makerFee;
        long takerFee;
        final Map<String, BalanceCell> balances = new TreeMap<>();
        final Set<String> touchedAssets = new LinkedHashSet<>();
        final Map<String, Long> openByClientId = new HashMap<>();
        final Map<String, Long> lastByClientId = new HashMap<>();
        final Map<String, List<Fill>> trades = new HashMap<>();

        Account(String id, long makerFee, long takerFee, boolean keepHistory) {
            this.id = id;
            this.makerFee = makerFee;
            this.takerFee = takerFee;
            this.keepHistory = keepHistory;
        }

        BalanceCell balance(String asset) {
            return balances.computeIfAbsent(asset, k -> new BalanceCell());
        }
    }

    private static final class Ord {
        final long orderId;
        final String clientOrderId;
        final Account account;
        final SymbolState symbol;
        final Side side;
        final OrdType type;
        final TimeInForce tif;
        final long createNanos;
        final String lockAsset;
        long price;
        long origQty;
        long executedQty;
        long cumQuoteQty;
        long locked;
        long updateNanos;
        OrdStatus status = OrdStatus.NEW;

        Ord(long orderId, String clientOrderId, Account account, SymbolState symbol, Side side, OrdType type,
            TimeInForce tif, long price, long qty, long createNanos, String lockAsset) {
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
            this.account = account;
            this.symbol = symbol;
            this.side = side;
            this.type = type;
            this.tif = tif;
            this.price = price;
            this.origQty = qty;
            this.createNanos = createNanos;
            this.updateNanos = createNanos;
            this.lockAsset = lockAsset;
        }

        OrderView view() {
            return new OrderView(orderId, clientOrderId, account.id, symbol.rules.symbol(), side, type, tif, price,
                origQty, executedQty, cumQuoteQty, status, createNanos, updateNanos);
        }
    }
}
