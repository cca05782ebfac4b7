package io.meridian.admin.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.util.List;

/** The framework's 401/403 answer, remembering who was refused so that {@link AuditFilter} records the attempt. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AuditedAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler
{
    static final String REFUSED_USER = "meridian.audit.refused-user";

    public AuditedAuthorizationExceptionHandler(
        final ErrorResponseProcessor<?> errors, final RedirectConfiguration redirects, final RedirectService redirectService,
        final List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
        @Nullable final PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLogin)
    {
        super(errors, redirects, redirectService, challenges, priorToLogin);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public MutableHttpResponse<?> handle(final HttpRequest request, final AuthorizationException exception)
    {
        if (exception.getAuthentication() != null)
        {
            request.setAttribute(REFUSED_USER, exception.getAuthentication().getName());
        }
        return super.handle(request, exception);
    }
}
