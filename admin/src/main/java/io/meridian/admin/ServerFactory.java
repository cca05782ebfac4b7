package io.meridian.admin;

import io.meridian.positions.store.StoreConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;

import java.util.Optional;

/**
 * Builds the one {@link MeridianServer} of the application at startup: from a {@link ServerConfig}
 * registered by the embedding code (tests), otherwise from the resolved YAML configuration.
 */
@Factory
public class ServerFactory
{
    @Context
    @Bean(preDestroy = "close")
    public MeridianServer meridianServer(final Environment environment, final Optional<ServerConfig> provided)
    {
        final MeridianServer server = new MeridianServer(provided.orElseGet(() -> ServerConfigLoader.load(environment)));
        server.shutdownPolicy(
            environment.getProperty("meridian.shutdown.cancel-open-orders", Boolean.class, false),
            environment.getProperty("meridian.shutdown.drain-timeout-ms", Long.class, 10_000L));
        server.storeWriterThread(environment.getProperty("meridian.store.writer-thread", Boolean.class, false));
        server.storeReports(environment.getProperty("meridian.store.reports", Long.class, new StoreConfig().reports()));
        server.maxInboundDelayMs(environment.getProperty("meridian.fix.max-inbound-delay-ms", Double.class,
            MeridianServer.DEFAULT_MAX_INBOUND_DELAY_MS));
        server.shadow(environment.getProperty("meridian.shadow", Boolean.class, false));
        return server.start();
    }
}
