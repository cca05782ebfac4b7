package io.meridian.admin;

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
        return new MeridianServer(provided.orElseGet(() -> ServerConfigLoader.load(environment))).start();
    }
}
