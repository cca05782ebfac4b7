package io.meridian.systemtests;

import io.meridian.admin.ServerConfig;
import io.meridian.admin.ServerConfigLoader;
import io.meridian.gateway.ClientSessionConfig;
import io.micronaut.core.value.MapPropertyResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Configuration read as the YAML gives it: per-client FIX version, the router's venue-health thresholds. */
class ServerConfigLoaderTest
{
    @Test
    void clientsSpeakFix44UnlessConfiguredOtherwise()
    {
        final ServerConfig config = ServerConfigLoader.load(new MapPropertyResolver(Map.of("meridian.clients", List.of(
            Map.of("comp-id", "PLAIN"),
            Map.of("comp-id", "OLD", "fix-version", "FIX.4.2"),
            Map.of("comp-id", "NEW", "fix-version", "FIXT.1.1")))));

        assertThat(config.clients()).extracting(ClientSessionConfig::clientCompId, ClientSessionConfig::beginString)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("PLAIN", "FIX.4.4"),
                org.assertj.core.groups.Tuple.tuple("OLD", "FIX.4.2"),
                org.assertj.core.groups.Tuple.tuple("NEW", "FIXT.1.1"));
    }

    @Test
    void anUnknownFixVersionIsAStartupError()
    {
        assertThatThrownBy(() -> ServerConfigLoader.load(new MapPropertyResolver(Map.of("meridian.clients", List.of(
            Map.of("comp-id", "X", "fix-version", "FIX.4.3"))))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FIX.4.3");
    }

    @Test
    void routerHealthThresholdsComeFromConfigurationWithTheRoutersDefaults()
    {
        final io.meridian.router.RouterConfig defaults = ServerConfigLoader.router(new MapPropertyResolver(Map.of()))
            .health().routerConfig();
        assertThat(defaults.maxAckLatencyP50Nanos()).isEqualTo(io.meridian.router.RouterConfig.defaults().maxAckLatencyP50Nanos());
        assertThat(defaults.maxRejectRatePpm()).isEqualTo(io.meridian.router.RouterConfig.defaults().maxRejectRatePpm());
        assertThat(defaults.minRateLimitHeadroomPpm())
            .isEqualTo(io.meridian.router.RouterConfig.defaults().minRateLimitHeadroomPpm());

        final io.meridian.router.RouterConfig configured = ServerConfigLoader.router(new MapPropertyResolver(Map.of(
            "meridian.router.health.max-ack-latency-ms", "250",
            "meridian.router.health.max-reject-rate-percent", "2.5",
            "meridian.router.health.min-rate-limit-headroom-percent", "20"))).health().routerConfig();
        assertThat(configured.maxAckLatencyP50Nanos()).isEqualTo(250_000_000L);
        assertThat(configured.maxRejectRatePpm()).isEqualTo(25_000L);
        assertThat(configured.minRateLimitHeadroomPpm()).isEqualTo(200_000L);

        assertThatThrownBy(() -> ServerConfigLoader.router(new MapPropertyResolver(Map.of(
            "meridian.router.health.min-rate-limit-headroom-percent", "120"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meridian.router.health");
    }
}
