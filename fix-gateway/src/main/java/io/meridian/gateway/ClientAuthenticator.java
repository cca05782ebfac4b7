package io.meridian.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.decoder.AbstractLogonDecoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.validation.AuthenticationProxy;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Accepts a Logon only from a configured client CompID addressing Meridian's configured CompID,
 * with the configured Username/Password when those are set. Runs on the engine thread; reads
 * only immutable configuration. A configured password that is a bcrypt hash ({@link PasswordHash})
 * is verified on a separate thread so that its deliberate slowness never stalls the engine.
 */
public final class ClientAuthenticator implements AuthenticationStrategy
{
    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthenticator.class);

    private static final ExecutorService HASH_VERIFIER = Executors.newSingleThreadExecutor(task ->
    {
        final Thread thread = new Thread(task, "fix-logon-password-check");
        thread.setDaemon(true);
        return thread;
    });

    private final Map<String, ClientSessionConfig> clientsByCompId = new HashMap<>();
    private final GatewayMetrics metrics;

    public ClientAuthenticator(final List<ClientSessionConfig> clients, final GatewayMetrics metrics)
    {
        for (final ClientSessionConfig client : clients)
        {
            clientsByCompId.put(client.clientCompId(), client);
            if (client.password() != null && !PasswordHash.isHash(client.password()))
            {
                LOG.warn("event=clear_text_fix_password client={} hint=\"store a bcrypt hash from bin/meridian-passwd\"",
                    client.clientCompId());
            }
        }
        this.metrics = metrics;
    }

    public void authenticateAsync(final AbstractLogonDecoder logon, final AuthenticationProxy proxy)
    {
        final ClientSessionConfig client = clientsByCompId.get(logon.header().senderCompIDAsString());
        if (client == null || !PasswordHash.isHash(client.password()) || !identityMatches(client, logon))
        {
            if (authenticate(logon))
            {
                proxy.accept();
            }
            else
            {
                proxy.reject();
            }
            return;
        }
        final String candidate = logon.hasPassword() ? logon.passwordAsString() : null;
        HASH_VERIFIER.execute(() ->
        {
            if (PasswordHash.verify(candidate, client.password()))
            {
                accepted(client);
                proxy.accept();
            }
            else
            {
                reject(client.clientCompId(), "bad password");
                proxy.reject();
            }
        });
    }

    private static boolean identityMatches(final ClientSessionConfig client, final AbstractLogonDecoder logon)
    {
        final SessionHeaderDecoder header = logon.header();
        return client.meridianCompId().equals(header.targetCompIDAsString()) &&
            client.beginString().equals(new String(header.beginString(), 0, header.beginStringLength())) &&
            (client.username() == null || logon.hasUsername() && client.username().equals(logon.usernameAsString()));
    }

    public boolean authenticate(final AbstractLogonDecoder logon)
    {
        final SessionHeaderDecoder header = logon.header();
        final String senderCompId = header.senderCompIDAsString();
        final String targetCompId = header.targetCompIDAsString();
        final String beginString = new String(header.beginString(), 0, header.beginStringLength());

        final ClientSessionConfig client = clientsByCompId.get(senderCompId);
        if (client == null)
        {
            return reject(senderCompId, "unknown SenderCompID");
        }
        if (!client.meridianCompId().equals(targetCompId))
        {
            return reject(senderCompId, "unexpected TargetCompID " + targetCompId);
        }
        if (!client.beginString().equals(beginString))
        {
            return reject(senderCompId, "unexpected BeginString " + beginString + ", configured " + client.beginString());
        }
        if (client.username() != null &&
            (!logon.hasUsername() || !client.username().equals(logon.usernameAsString())))
        {
            return reject(senderCompId, "bad username");
        }
        if (client.password() != null && !passwordMatches(client.password(), logon))
        {
            return reject(senderCompId, "bad password");
        }
        accepted(client);
        return true;
    }

    private static boolean passwordMatches(final String configured, final AbstractLogonDecoder logon)
    {
        if (!logon.hasPassword())
        {
            return false;
        }
        return PasswordHash.isHash(configured) ?
            PasswordHash.verify(logon.passwordAsString(), configured) : configured.equals(logon.passwordAsString());
    }

    private void accepted(final ClientSessionConfig client)
    {
        metrics.logonsAccepted.incrementAndGet();
        LOG.info("event=logon_accepted client={}", client);
    }

    private boolean reject(final String senderCompId, final String why)
    {
        metrics.logonsRejected.incrementAndGet();
        LOG.warn("event=logon_rejected senderCompId={} reason=\"{}\"", senderCompId, why);
        return false;
    }
}
