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
