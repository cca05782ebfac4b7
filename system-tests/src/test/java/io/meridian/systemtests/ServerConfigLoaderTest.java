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

/** The per-client FIX version from configuration: FIX.4.4 unless {@code fix-version} says otherwise. */
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
}
