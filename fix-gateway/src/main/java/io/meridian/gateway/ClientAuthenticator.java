package io.meridian.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.decoder.AbstractLogonDecoder;
import uk.co.real_logic.artio.decoder.SessionHeaderDecoder;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts a Logon only from a configured client CompID addressing Meridian's configured CompID,
 * with the configured Username/Password when those are set. Runs on the engine thread; reads
 * only immutable configuration.
 */
public final class ClientAuthenticator implements AuthenticationStrategy
{
    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthenticator.class);

    private final Map<String, ClientSessionConfig> clientsByCompId = new HashMap<>();
    private final GatewayMetrics metrics;

    public ClientAuthenticator(final List<ClientSessionConfig> clients, final GatewayMetrics metrics)
    {
        for (final ClientSessionConfig client : clients)
        {
            clientsByCompId.put(client.clientCompId(), client);
        }
        this.metrics = metrics;
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
        if (client.password() != null &&
            (!logon.hasPassword() || !client.password().equals(logon.passwordAsString())))
        {
            return reject(senderCompId, "bad password");
        }
        metrics.logonsAccepted.incrementAndGet();
        LOG.info("event=logon_accepted client={}", client);
        return true;
    }

    private boolean reject(final String senderCompId, final String why)
    {
        metrics.logonsRejected.incrementAndGet();
        LOG.warn("event=logon_rejected senderCompId={} reason=\"{}\"", senderCompId, why);
        return false;
    }
}
