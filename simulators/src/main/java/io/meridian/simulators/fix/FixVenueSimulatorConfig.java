package io.meridian.simulators.fix;

import io.meridian.simulators.matching.DecimalScale;
import io.meridian.simulators.matching.MatchingClock;
import io.meridian.simulators.seed.SeedBook;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a {@link FixVenueSimulator}. {@link #defaults()}: port 9880 on 127.0.0.1,
 * SenderCompID {@code VENUE}, accepts TargetCompID {@code MERIDIAN}, heartbeat 30 s, MemoryStore,
 * dictionary {@code fix/FIX44.xml}, the built-in seed book ({@link SeedBook#defaultBook()}),
 * 8-decimal scale, house account {@code HOUSE}, system clock.
 */
public final class FixVenueSimulatorConfig {
    private final int port;
    private final String bindAddress;
    private final String senderCompId;
    private final List<String> targetCompIds;
    private final boolean acceptAnyTargetCompId;
    private final int heartbeatSeconds;
    private final boolean resetOnLogon;
    private final Path fileStoreDir;
    private final String dataDictionary;
    private final SeedBook seedBook;
    private final int decimals;
    private final String houseAccount;
    private final MatchingClock clock;
    private final String idPrefix;
    private final long marketMakerStepMs;
    private final int marketMakerWalkTicks;
    private final long marketMakerSeed;
    private final List<QuoteLadder> quoteLadders;

    /** Market-maker step period of the venue Meridian embeds ({@code bin/meridian}). */
    public static final long EMBEDDED_MARKET_MAKER_STEP_MS = 1_000;

    private FixVenueSimulatorConfig(Builder b) {
        this.port = b.port;
        this.bindAddress = Objects.requireNonNull(b.bindAddress, "bindAddress");
        this.senderCompId = Objects.requireNonNull(b.senderCompId, "senderCompId");
        this.targetCompIds = List.copyOf(b.targetCompIds);
        this.acceptAnyTargetCompId = b.acceptAnyTargetCompId;
        this.heartbeatSeconds = b.heartbeatSeconds;
        this.resetOnLogon = b.resetOnLogon;
        this.fileStoreDir = b.fileStoreDir;
        this.dataDictionary = Objects.requireNonNull(b.dataDictionary, "dataDictionary");
        this.seedBook = Objects.requireNonNull(b.seedBook, "seedBook");
        this.decimals = b.decimals;
        this.houseAccount = Objects.requireNonNull(b.houseAccount, "houseAccount");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.idPrefix = b.idPrefix;
        this.marketMakerStepMs = b.marketMakerStepMs;
        this.marketMakerWalkTicks = b.marketMakerWalkTicks;
        this.marketMakerSeed = b.marketMakerSeed;
        this.quoteLadders = List.copyOf(b.quoteLadders);
        if (marketMakerStepMs < 0 || marketMakerWalkTicks < 0) {
            throw new IllegalArgumentException("market maker step and walk must not be negative");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (targetCompIds.isEmpty() && !acceptAnyTargetCompId) {
            throw new IllegalArgumentException("no TargetCompID accepted: list some or accept any");
        }
        if (heartbeatSeconds <= 0) {
            throw new IllegalArgumentException("heartbeatSeconds must be positive: " + heartbeatSeconds);
        }
        DecimalScale.of(decimals);
    }

    /** The out-of-the-box configuration (see the class comment). */
    public static FixVenueSimulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.bindAddress = bindAddress;
        b.senderCompId = senderCompId;
        b.targetCompIds = targetCompIds;
        b.acceptAnyTargetCompId = acceptAnyTargetCompId;
        b.heartbeatSeconds = heartbeatSeconds;
        b.resetOnLogon = resetOnLogon;
        b.fileStoreDir = fileStoreDir;
        b.dataDictionary = dataDictionary;
        b.seedBook = seedBook;
        b.decimals = decimals;
        b.houseAccount = houseAccount;
        b.clock = clock;
        b.idPrefix = idPrefix;
        b.marketMakerStepMs = marketMakerStepMs;
        b.marketMakerWalkTicks = marketMakerWalkTicks;
        b.marketMakerSeed = marketMakerSeed;
        b.quoteLadders = quoteLadders;
        return b;
    }

    /** TCP port to listen on; 0 picks a free port (read it with {@link FixVenueSimulator#port()}). */
    public int port() {
        return port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public String senderCompId() {
        return senderCompId;
    }

    /** Clients' CompIDs (their SenderCompID, our TargetCompID) with a configured session. */
    public List<String> targetCompIds() {
        return targetCompIds;
    }

    /** Whether any client CompID may log on (QuickFIX/J dynamic acceptor session template). */
    public boolean acceptAnyTargetCompId() {
        return acceptAnyTargetCompId;
    }

    /** HeartBtInt of the session settings; QuickFIX/J acceptors use the interval the client's Logon asks for. */
    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    /** Reset sequence numbers on every Logon even when the client does not ask (141=Y always resets). */
    public boolean resetOnLogon() {
        return resetOnLogon;
    }

    /** Directory of a QuickFIX/J FileStore; empty means MemoryStore. */
    public Optional<Path> fileStoreDir() {
        return Optional.ofNullable(fileStoreDir);
    }

    /** QuickFIX/J dictionary location (classpath resource or file). */
    public String dataDictionary() {
        return dataDictionary;
    }

    public SeedBook seedBook() {
        return seedBook;
    }

    /** Decimals of the fixed-point scale used for all prices and quantities. */
    public int decimals() {
        return decimals;
    }

    /** Account owning the seeded and control-API liquidity. */
    public String houseAccount() {
        return houseAccount;
    }

    public MatchingClock clock() {
        return clock;
    }

    /** Prefix of OrderID/ExecID values; empty means one derived from the start time, unique per run. */
    public Optional<String> idPrefix() {
        return Optional.ofNullable(idPrefix);
    }

    /**
     * How often the seeded market maker requotes the seed book's shape, in ms; 0 (the default) leaves
     * it to {@link VenueControl#stepMarketMaker()}, so the book stays as tests leave it.
     */
    public long marketMakerStepMs() {
        return marketMakerStepMs;
    }

    /** How far (in the seed book's price ticks) the maker's mid may move per step; 0 keeps the seeded prices. */
    public int marketMakerWalkTicks() {
        return marketMakerWalkTicks;
    }

    /** Seed of the maker's random walk. */
    public long marketMakerSeed() {
        return marketMakerSeed;
    }

    /**
     * Symbols the market maker quotes as the crypto exchanges' maker does (none by default; the venue
     * {@code bin/meridian} embeds and {@code FixVenueSimulatorMain} quote {@link QuoteLadder#cryptoStandard()}).
     */
    public List<QuoteLadder> quoteLadders() {
        return quoteLadders;
    }

    /** Builder; every setter has the default described on {@link FixVenueSimulatorConfig}. */
    public static final class Builder {
        private int port = 9880;
        private String bindAddress = "127.0.0.1";
        private String senderCompId = "VENUE";
        private List<String> targetCompIds = List.of("MERIDIAN");
        private boolean acceptAnyTargetCompId;
        private int heartbeatSeconds = 30;
        private boolean resetOnLogon;
        private Path fileStoreDir;
        private String dataDictionary = "fix/FIX44.xml";
        private SeedBook seedBook = SeedBook.defaultBook();
        private int decimals = DecimalScale.DEFAULT_DECIMALS;
        private String houseAccount = "HOUSE";
        private MatchingClock clock = MatchingClock.system();
        private String idPrefix;
        private long marketMakerStepMs;
        private int marketMakerWalkTicks;
        private long marketMakerSeed = 1;
        private List<QuoteLadder> quoteLadders = List.of();

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder senderCompId(String senderCompId) {
            this.senderCompId = senderCompId;
            return this;
        }

        public Builder targetCompIds(List<String> targetCompIds) {
            this.targetCompIds = List.copyOf(targetCompIds);
            return this;
        }

        public Builder acceptAnyTargetCompId(boolean acceptAny) {
            this.acceptAnyTargetCompId = acceptAny;
            return this;
        }

        public Builder heartbeatSeconds(int heartbeatSeconds) {
            this.heartbeatSeconds = heartbeatSeconds;
            return this;
        }

        public Builder resetOnLogon(boolean resetOnLogon) {
            this.resetOnLogon = resetOnLogon;
            return this;
        }

        /** A FileStore directory, or null for MemoryStore. */
        public Builder fileStoreDir(Path fileStoreDir) {
            this.fileStoreDir = fileStoreDir;
            return this;
        }

        public Builder dataDictionary(String dataDictionary) {
            this.dataDictionary = dataDictionary;
            return this;
        }

        public Builder seedBook(SeedBook seedBook) {
            this.seedBook = seedBook;
            return this;
        }

        /** No seeded liquidity, but keep the default book's symbols listed. */
        public Builder emptyBooks() {
            this.seedBook = new SeedBook(seedBook.symbols(), List.of());
            return this;
        }

        public Builder decimals(int decimals) {
            this.decimals = decimals;
            return this;
        }

        public Builder houseAccount(String houseAccount) {
            this.houseAccount = houseAccount;
            return this;
        }

        public Builder clock(MatchingClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder idPrefix(String idPrefix) {
            this.idPrefix = idPrefix;
            return this;
        }

        /**
         * The seeded market maker: requotes every {@code stepMs} (0: only when stepped through the
         * control API), moving its mid by up to {@code walkTicks} ticks per step, drawn from {@code seed}.
         */
        public Builder marketMaker(long stepMs, int walkTicks, long seed) {
            this.marketMakerStepMs = stepMs;
            this.marketMakerWalkTicks = walkTicks;
            this.marketMakerSeed = seed;
            return this;
        }

        /** Symbols quoted by the maker's ladder (listed even with {@link #emptyBooks()}); empty for none. */
        public Builder quoteLadders(List<QuoteLadder> quoteLadders) {
            this.quoteLadders = List.copyOf(quoteLadders);
            return this;
        }

        public FixVenueSimulatorConfig build() {
            return new FixVenueSimulatorConfig(this);
        }
    }
}
