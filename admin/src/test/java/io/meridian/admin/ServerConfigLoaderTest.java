package io.meridian.admin;

import io.meridian.gateway.ClientSessionConfig;
import io.meridian.venues.crypto.CryptoVenueConfig;
import io.meridian.venues.crypto.CryptoVenueKind;
import io.meridian.venues.fix.FixVenueConfig;
import io.meridian.venues.fix.VenueDialect;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerConfigLoaderTest
{
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dataDirs;
    private static int nextDataDir;

    @Test
    void theShippedConfigurationLoadsWithItsDialectClientAndCarriedTags() throws Exception
    {
        final ServerConfig config = ServerConfigLoader.load(resolver(Map.of()));

        assertThat(config.clients()).extracting(ClientSessionConfig::clientCompId)
            .containsExactly("CLIENT1", "CLIENT2", "ACMECLIENT");
        final ClientSessionConfig acme = config.clients().get(2);
        assertThat(acme.dictionaryDescription()).isEqualTo("FIX.4.4+ACME");
        assertThat(acme.carryTags()).containsExactly(7001, 7002);
        assertThat(config.clients().get(0).dialect()).isNull();
        assertThat(config.clients().get(0).carryTags()).isEmpty();

        final FixVenueConfig venue = config.venues().get(0);
        assertThat(venue.carryTags()).containsExactly(851);
        assertThat(venue.dialect()).isEqualTo(VenueDialect.FIX44);
        assertThat(venue.marketData()).as("SIMVENUE's books are subscribed").isTrue();
        assertThat(venue.symbols()).as("@SIMVENUE suffixes dropped by default, no map needed").isEmpty();
        assertThat(MeridianServer.buildInstruments(config).bySymbol("BTC-USDT@SIMVENUE").venueId()).isEqualTo(venue.venueId());
        assertThat(MeridianServer.buildInstruments(config).bySymbol("ETH-USDT@SIMVENUE").venueId()).isEqualTo(venue.venueId());

        final ReconciliationSettings reconciliation = config.reconciliation();
        assertThat(reconciliation.enabled()).isTrue();
        assertThat(reconciliation.policy("SIMVENUE")).isEqualTo(ReconciliationSettings.Policy.ALERT);
        assertThat(reconciliation.intervalMs("SIMVENUE")).isEqualTo(1_000);
        assertThat(reconciliation.intervalMs("BINANCE")).as("venue names as map keys, whatever their case")
            .isEqualTo(2_000);
        assertThat(reconciliation.startupHalt()).isTrue();
        assertThat(reconciliation.overdueHalt()).as("the reconciliation heartbeat fails closed").isTrue();
    }

    @Test
    void aReconciliationPolicyForAnUnknownVenueOrOfAnUnknownKindIsRefusedAtStart() throws Exception
    {
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(Map.of(
            "meridian.reconciliation.policies", Map.of("NOSUCHVENUE", "halt")))))
            .hasMessageContaining("unknown venue");
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(Map.of(
            "meridian.reconciliation.policies", Map.of("SIMVENUE", "panic")))))
            .hasMessageContaining("alert or halt");
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(Map.of(
            "meridian.reconciliation.startup-policy", "maybe"))))
            .hasMessageContaining("halt or open");
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(Map.of(
            "meridian.reconciliation.overdue-policy", "maybe"))))
            .hasMessageContaining("halt or alert");
        assertThat(ServerConfigLoader.load(resolver(Map.of("meridian.reconciliation.overdue-policy", "alert")))
            .reconciliation().overdueHalt()).isFalse();
        final ServerConfig halting = ServerConfigLoader.load(resolver(Map.of(
            "meridian.reconciliation.policies", Map.of("OKX", "halt"))));
        assertThat(halting.reconciliation().policy("OKX")).isEqualTo(ReconciliationSettings.Policy.HALT);
    }

    @Test
    void aBinanceVenueNeedsItsKeyAndAnUnknownDialectFileIsRefusedAtStart() throws Exception
    {
        final Map<String, Object> binance = new HashMap<>();
        binance.put("meridian.venues", List.of(Map.of(
            "name", "BINANCE", "host", "localhost", "port", 9000, "target-comp-id", "SPOT",
            "dialect", "binance-spot", "username", "key")));
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(binance)))
            .hasMessageContaining("signing-key-path");

        final Map<String, Object> badDialect = new HashMap<>();
        badDialect.put("meridian.clients", List.of(Map.of(
            "comp-id", "X", "dialect", "classpath:fix/dialects/no-such-dialect.xml")));
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(badDialect)))
            .hasMessageContaining("no-such-dialect.xml");
    }

    @Test
    void theShippedCryptoVenuesRouteInstrumentsByVenueNameWithDerivedSymbols() throws Exception
    {
        final ServerConfig config = ServerConfigLoader.load(resolver(Map.of()));

        assertThat(config.cryptoVenues()).extracting(CryptoVenueConfig::name).containsExactly("BINANCE", "OKX");
        final CryptoVenueConfig binance = config.cryptoVenues().get(0);
        assertThat(binance.venueId()).isEqualTo(config.venues().size());
        assertThat(binance.kind()).isEqualTo(CryptoVenueKind.BINANCE_SPOT);
        assertThat(binance.venueSymbol("BTC-USDT")).isEqualTo("BTCUSDT");
        assertThat(binance.venueSymbol("BTC-USDT@OKX")).isNull();
        final CryptoVenueConfig okx = config.cryptoVenues().get(1);
        assertThat(okx.venueId()).isEqualTo(config.venues().size() + 1);
        assertThat(okx.venueSymbol("BTC-USDT@OKX")).isEqualTo("BTC-USDT");
        assertThat(config.cryptoSimulators().enabled()).isTrue();
        assertThat(MeridianServer.buildInstruments(config).bySymbol("BTC-USDT@OKX").venueId()).isEqualTo(okx.venueId());
    }

    @Test
    void cryptoCredentialsAreReferencesResolvedFromTheEnvironment()
    {
        final Map<String, Object> venue = Map.of("name", "BINANCE", "kind", "binance-spot",
            "rest-url", "https://testnet.binance.vision", "credentials", "env:TESTNET");
        final CryptoVenueConfig config = ServerConfigLoader.cryptoVenue(5, venue, List.of(),
            Map.of("TESTNET_API_KEY", "abcdefgh", "TESTNET_API_SECRET", "s3cr3t-value"));
        assertThat(config.credentials().apiKey()).isEqualTo("abcdefgh");
        assertThat(config.toString()).doesNotContain("s3cr3t-value").doesNotContain("abcdefgh");
        assertThatThrownBy(() -> ServerConfigLoader.cryptoVenue(5, Map.of("name", "X", "kind", "okx-v5",
            "rest-url", "https://www.okx.com", "credentials", "my-literal-secret"), List.of(), Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("my-literal-secret");
    }

    @Test
    void marketDataIsOnUnlessTheVenueSwitchesItOff()
    {
        final Map<String, Object> venue = new HashMap<>(Map.of("name", "OKX", "kind", "okx-v5",
            "rest-url", "https://www.okx.com", "stream-ws-url", "wss://ws.okx.com:8443/ws/v5/public",
            "credentials", "simulator:trader1"));
        assertThat(ServerConfigLoader.cryptoVenue(5, venue, List.of(), Map.of()).marketData()).isTrue();
        venue.put("market-data", false);
        assertThat(ServerConfigLoader.cryptoVenue(5, venue, List.of(), Map.of()).marketData()).isFalse();
        venue.put("market-data", "no");
        assertThatThrownBy(() -> ServerConfigLoader.cryptoVenue(5, venue, List.of(), Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("market-data");
    }

    @Test
    void reorderedClientsAndInstrumentsKeepTheIdsTheJournalKnows() throws Exception
    {
        final String dataDir = dataDirs.resolve("stable").toString();
        final ServerConfig first = ServerConfigLoader.load(resolver(Map.of("meridian.data-dir", dataDir)));
        final Map<String, Object> reordered = new HashMap<>();
        reordered.put("meridian.data-dir", dataDir);
        reordered.put("meridian.clients", List.of(
            Map.of("comp-id", "NEWCLIENT"), Map.of("comp-id", "ACMECLIENT", "dialect", "classpath:fix/dialects/acme-securities.xml"),
            Map.of("comp-id", "CLIENT2"), Map.of("comp-id", "CLIENT1")));
        final List<Map<String, Object>> instruments = new java.util.ArrayList<>();
        for (final InstrumentSettings i : first.instruments())
        {
            instruments.add(0, Map.of("symbol", i.symbol(), "venue", i.venue(), "price-scale", i.priceScale(),
                "qty-scale", i.qtyScale(), "max-order-qty", i.maxOrderQty()));
        }
        reordered.put("meridian.instruments", instruments);

        final ServerConfig second = ServerConfigLoader.load(resolver(reordered));

        assertThat(second.clients()).extracting(ClientSessionConfig::clientCompId)
            .containsExactly("CLIENT1", "CLIENT2", "ACMECLIENT", "NEWCLIENT");
        assertThat(second.clients()).extracting(ClientSessionConfig::clientId).containsExactly(0, 1, 2, 3);
        assertThat(second.instruments()).extracting(InstrumentSettings::symbol)
            .containsExactlyElementsOf(first.instruments().stream().map(InstrumentSettings::symbol).toList());

        // a client the journal knows cannot silently disappear
        final Map<String, Object> removed = new HashMap<>(reordered);
        removed.put("meridian.clients", List.of(Map.of("comp-id", "CLIENT1"), Map.of("comp-id", "NEWCLIENT")));
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(removed)))
            .hasMessageContaining("client 'CLIENT2' is in the journal");

        // crypto venue ids follow the FIX venues': a new FIX venue would move them
        final Map<String, Object> addedVenue = new HashMap<>(reordered);
        final List<Map<String, Object>> venues = new java.util.ArrayList<>();
        venues.add(Map.of("name", "SIMVENUE", "host", "localhost", "port", "9880", "target-comp-id", "VENUE"));
        venues.add(Map.of("name", "SECOND", "host", "localhost", "port", "9881", "target-comp-id", "VENUE2"));
        addedVenue.put("meridian.venues", venues);
        assertThatThrownBy(() -> ServerConfigLoader.load(resolver(addedVenue)))
            .hasMessageContaining("a FIX venue was added while crypto venues are known");
    }

    @Test
    void alertsGoToTheLogOnlyByDefaultAndSinksAreReadWithTheirTokenFromTheEnvironmentOrAFile() throws Exception
    {
        assertThat(ServerConfigLoader.load(resolver(Map.of())).alerts().sinks()).isEmpty();

        final java.nio.file.Path tokenFile = dataDirs.resolve("telegram-token");
        java.nio.file.Files.writeString(tokenFile, "999:from-file\n");
        final Map<String, Object> configured = new HashMap<>();
        configured.put("meridian.alerts.instance", "prod-1");
        configured.put("meridian.alerts.sinks", List.of(
            Map.of("kind", "telegram", "chat-id", "-10042", "token-env", "TEST_BOT_TOKEN", "min-severity", "red",
                "rate-per-minute", 6, "max-attempts", 3, "backoff-ms", 500),
            Map.of("kind", "telegram", "name", "second-chat", "chat-id", "@ops", "token-file", tokenFile.toString(),
                "url", "http://127.0.0.1:1"),
            Map.of("kind", "webhook", "name", "pager", "url", "https://alerts.example.com/hook/s3cret-path")));
        final io.meridian.risk.alerts.AlertsConfig alerts = ServerConfigLoader.alerts(
            resolver(configured), Map.of("TEST_BOT_TOKEN", "123:from-env"));

        assertThat(alerts.origin().instance()).isEqualTo("prod-1");
        assertThat(alerts.sinks()).extracting(io.meridian.risk.alerts.SinkConfig::name)
            .containsExactly("telegram", "second-chat", "pager");
        final io.meridian.risk.alerts.SinkConfig telegram = alerts.sinks().get(0);
        assertThat(telegram.url()).hasToString("https://api.telegram.org");
        assertThat(telegram.chatId()).isEqualTo("-10042");
        assertThat(telegram.token().reveal()).isEqualTo("123:from-env");
        assertThat(telegram.policy()).isEqualTo(new io.meridian.risk.alerts.SinkPolicy(
            io.meridian.risk.alerts.Severity.RED, 6, 3, 500, 30_000, 256));
        assertThat(alerts.sinks().get(1).token().reveal()).isEqualTo("999:from-file");
        assertThat(alerts.sinks().get(2).policy().minSeverity()).isEqualTo(io.meridian.risk.alerts.Severity.YELLOW);
        assertThat(alerts.toString()).doesNotContain("from-env").doesNotContain("from-file");
    }

    @Test
    void aTokenWrittenInTheConfigurationOrAMissingTokenVariableIsRefused() throws Exception
    {
        final Map<String, Object> inYaml = new HashMap<>();
        inYaml.put("meridian.alerts.sinks", List.of(Map.of("kind", "telegram", "chat-id", "1", "token", "123:oops")));
        assertThatThrownBy(() -> ServerConfigLoader.alerts(resolver(inYaml), Map.of()))
            .hasMessageContaining("never written in the configuration").hasMessageNotContaining("123:oops");

        final Map<String, Object> unset = new HashMap<>();
        unset.put("meridian.alerts.sinks", List.of(Map.of("kind", "telegram", "chat-id", "1", "token-env", "NO_SUCH_VAR")));
        assertThatThrownBy(() -> ServerConfigLoader.alerts(resolver(unset), Map.of()))
            .hasMessageContaining("NO_SUCH_VAR");

        final Map<String, Object> twice = new HashMap<>();
        twice.put("meridian.alerts.sinks", List.of(Map.of("kind", "webhook", "url", "http://a"),
            Map.of("kind", "webhook", "url", "http://b")));
        assertThatThrownBy(() -> ServerConfigLoader.alerts(resolver(twice), Map.of()))
            .hasMessageContaining("two alert sinks named 'webhook'");
    }

    @Test
    void theShippedRiskLimitsBuildTheGatesScopesWithSymbolsKeptVerbatim() throws Exception
    {
        final ServerConfig config = ServerConfigLoader.load(resolver(Map.of()));
        final io.meridian.oms.model.InstrumentRegistry instruments = MeridianServer.buildInstruments(config);
        final io.meridian.risk.RiskConfig risk = config.risk().toRiskConfig(
            instruments, config.clients().stream().map(io.meridian.gateway.ClientSessionConfig::clientCompId).toList());
        assertThat(risk.firm().maxOpenOrders()).isEqualTo(50_000);
        assertThat(risk.firm().maxDailyLoss()).isEqualTo(1_000_000.0);
        assertThat(risk.firm().hasExposureLimit()).isTrue();
        final io.meridian.risk.RiskLimits client1 = risk.sessionLimits().get("CLIENT1");
        assertThat(client1.maxOrdersPerSecond()).isEqualTo(1_000);
        final io.meridian.oms.model.Instrument btc = instruments.bySymbol("BTC-USDT");
        assertThat(client1.maxPosition(btc.id())).isEqualTo(100 * 100_000_000L);
        assertThat(config.risk().leaseTtl()).isEqualTo(java.time.Duration.ofSeconds(2));
    }

    @Test
    void aMisspeltOrMalformedLimitIsRefusedAtStart() throws Exception
    {
        final Map<String, Object> typo = new HashMap<>();
        typo.put("meridian.risk.limits", List.of(Map.of("scope", "firm", "max-open-order", 5)));
        assertThatThrownBy(() -> ServerConfigLoader.risk(resolver(typo))).hasMessageContaining("unknown key 'max-open-order'");

        final Map<String, Object> scope = new HashMap<>();
        scope.put("meridian.risk.limits", List.of(Map.of("scope", "desk", "name", "X")));
        assertThatThrownBy(() -> ServerConfigLoader.risk(resolver(scope))).hasMessageContaining("firm, session or account");

        final ServerConfig shipped = ServerConfigLoader.load(resolver(Map.of()));
        final io.meridian.oms.model.InstrumentRegistry instruments = MeridianServer.buildInstruments(shipped);
        final List<String> sessions = List.of("CLIENT1");
        for (final Map<String, Object> wrong : List.of(
            Map.<String, Object>of("scope", "session", "name", "NOBODY", "max-open-orders", 1),
            Map.<String, Object>of("scope", "session", "name", "CLIENT1", "max-gross-exposure", 1),
            Map.<String, Object>of("scope", "account", "name", "A", "max-position", Map.of("AAPL", "1.5")),
            Map.<String, Object>of("scope", "account", "name", "A", "max-position", Map.of("NOPE", "1"))))
        {
            final Map<String, Object> overrides = new HashMap<>();
            overrides.put("meridian.risk.limits", List.of(wrong));
            final RiskSettings settings = ServerConfigLoader.risk(resolver(overrides));
            assertThatThrownBy(() -> settings.toRiskConfig(instruments, sessions)).as("%s", wrong)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meridian.risk.limits");
        }
    }

    @Test
    void theCircuitBreakersLossRateIsReadFromItsKeys() throws Exception
    {
        final ServerConfig shipped = ServerConfigLoader.load(resolver(Map.of()));
        final io.meridian.oms.model.InstrumentRegistry instruments = MeridianServer.buildInstruments(shipped);
        final Map<String, Object> overrides = new HashMap<>();
        overrides.put("meridian.risk.limits", List.of(
            Map.<String, Object>of("scope", "firm", "max-loss-per-window", "2500", "loss-window-s", 120)));
        final io.meridian.risk.RiskLimits firm =
            ServerConfigLoader.risk(resolver(overrides)).toRiskConfig(instruments, List.of("CLIENT1")).firm();
        assertThat(firm.hasBreaker()).isTrue();
        assertThat(firm.maxWindowLoss()).isEqualTo(2_500.0);
        assertThat(firm.lossWindowNanos()).isEqualTo(java.util.concurrent.TimeUnit.SECONDS.toNanos(120));

        overrides.put("meridian.risk.limits", List.of(
            Map.<String, Object>of("scope", "firm", "max-loss-per-window", "2500", "loss-window-s", 0)));
        final RiskSettings zeroWindow = ServerConfigLoader.risk(resolver(overrides));
        assertThatThrownBy(() -> zeroWindow.toRiskConfig(instruments, List.of("CLIENT1")))
            .hasMessageContaining("loss-window-s");
    }

    @Test
    void tradingRulesAreOptionalDecimalsPerInstrumentPublishedInItsScales() throws Exception
    {
        final ServerConfig shipped = ServerConfigLoader.load(resolver(Map.of()));
        assertThat(shipped.instruments()).noneMatch(InstrumentSettings::hasTradingRules);
        final List<Map<String, Object>> instruments = new java.util.ArrayList<>();
        for (final InstrumentSettings i : shipped.instruments())
        {
            final Map<String, Object> entry = new HashMap<>(Map.of("symbol", i.symbol(), "venue", i.venue(),
                "price-scale", i.priceScale(), "qty-scale", i.qtyScale(), "max-order-qty", i.maxOrderQty()));
            if (i.symbol().equals("BTC-USD"))
            {
                // as YAML gives plain numbers: doubles and integers
                entry.putAll(Map.of("tick-size", 0.5, "lot-size", 0.00001, "min-qty", 0.0001, "min-notional", 10));
            }
            if (i.symbol().equals("AAPL"))
            {
                entry.put("min-qty", "100");
            }
            instruments.add(entry);
        }
        final ServerConfig config = ServerConfigLoader.load(resolver(Map.of("meridian.instruments", instruments)));
        final io.meridian.oms.model.InstrumentRegistry registry = MeridianServer.buildInstruments(config);
        final io.meridian.oms.api.TradingRules rules = new io.meridian.oms.api.TradingRules(registry.size());
        ConfiguredTradingRules.publish(registry, config.instruments(), rules);

        final io.meridian.oms.api.InstrumentRules read = new io.meridian.oms.api.InstrumentRules();
        assertThat(rules.read(registry.bySymbol("BTC-USD").id(), read)).isTrue();
        // price scale 2, qty scale 8; min notional in quote units at the price scale
        assertThat(read.tickSize()).isEqualTo(50);
        assertThat(read.lotSize()).isEqualTo(1_000);
        assertThat(read.minQty()).isEqualTo(10_000);
        assertThat(read.minNotional()).isEqualTo(1_000);
        assertThat(rules.read(registry.bySymbol("AAPL").id(), read)).isTrue();
        assertThat(read.tickSize()).isZero();
        assertThat(read.lotSize()).isZero();
        assertThat(read.minQty()).isEqualTo(100);
        assertThat(read.minNotional()).isZero();
        assertThat(rules.read(registry.bySymbol("MSFT").id(), read)).as("no rules configured").isFalse();

        final List<InstrumentSettings> negative = List.of(config.instruments().get(0)
            .withTradingRules(null, new java.math.BigDecimal("-1"), null, null));
        assertThatThrownBy(() -> ConfiguredTradingRules.publish(registry, negative, rules))
            .hasMessageContaining("lot-size").hasMessageContaining("negative");
        final List<InstrumentSettings> tooLarge = List.of(config.instruments().get(0)
            .withTradingRules(new java.math.BigDecimal("1E+30"), null, null, null));
        assertThatThrownBy(() -> ConfiguredTradingRules.publish(registry, tooLarge, rules))
            .hasMessageContaining("do not fit its scales");
    }

    private static PropertySourcePropertyResolver resolver(final Map<String, Object> overrides) throws Exception
    {
        final Map<String, Object> values;
        try (InputStream yaml = ServerConfigLoaderTest.class.getResourceAsStream("/application.yml"))
        {
            values = new YamlPropertySourceLoader().read("application.yml", yaml);
        }
        final PropertySourcePropertyResolver resolver = new PropertySourcePropertyResolver(PropertySource.of(values));
        final Map<String, Object> withDataDir = new HashMap<>(overrides);
        // never the shipped ./data: each test its own directory unless it names one
        withDataDir.putIfAbsent("meridian.data-dir", dataDirs.resolve("data-" + (++nextDataDir)).toString());
        resolver.addPropertySource(PropertySource.of("test", withDataDir, 1000));
        return resolver;
    }
}
