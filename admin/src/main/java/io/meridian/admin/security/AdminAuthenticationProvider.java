package io.meridian.admin.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * Checks a user name and password (from {@code POST /login} or an HTTP Basic header) against
 * {@link AdminUsers}. HTTP Basic is for scripts on the same host: it is refused from any address
 * but loopback (use {@code /login} and the bearer token from elsewhere). Failures count towards
 * the {@link LoginThrottle}.
 */
@Singleton
public class AdminAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B>
{
    private static final Logger LOG = LoggerFactory.getLogger(AdminAuthenticationProvider.class);

    private final AdminUsers users;
    private final LoginThrottle throttle;

    public AdminAuthenticationProvider(final AdminUsers users, final LoginThrottle throttle)
    {
        this.users = users;
        this.throttle = throttle;
    }

    public AuthenticationResponse authenticate(
        final HttpRequest<B> request, final AuthenticationRequest<String, String> authentication)
    {
        final String address = RemoteAddress.of(request);
        final boolean login = request != null && request.getPath().equals("/login");
        if (!login && !RemoteAddress.isLoopback(request))
        {
            LOG.warn("event=basic_auth_refused_remote address={}", address);
            return AuthenticationResponse.failure("HTTP Basic is accepted from localhost only: use /login");
        }
        final Optional<AdminUser> user = users.authenticate(authentication.getIdentity(), authentication.getSecret());
        if (user.isEmpty())
        {
            throttle.failed(address);
            LOG.warn("event=admin_login_failed address={} user=\"{}\"", address, printable(authentication.getIdentity()));
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return AuthenticationResponse.success(
            user.get().name(), user.get().role().grantedRoles(), Map.of("role", user.get().role().roleName()));
    }

    private static String printable(final String value)
    {
        if (value == null)
        {
            return "";
        }
        final String cut = value.length() > 64 ? value.substring(0, 64) : value;
        return cut.replaceAll("[^A-Za-z0-9._@-]", "?");
    }
}
