package io.meridian.venues.fix;

import io.meridian.fix.ExtensibleLogonEncoder;
import io.meridian.fix.codecs.builder.HeaderEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.builder.AbstractLogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills in what a venue dialect adds to our Logon, per venue session (found by its CompIDs): for
 * Binance spot, the Ed25519 signature in RawDataLength/RawData (95/96) and MessageHandling (25035).
 * Artio sets MsgSeqNum and SendingTime after this strategy runs, so the signature is computed by a
 * hook on the {@link ExtensibleLogonEncoder} at encode time, over the values actually sent.
 */
public final class VenueLogonCustomisation implements SessionCustomisationStrategy
{
    private static final Logger LOG = LoggerFactory.getLogger(VenueLogonCustomisation.class);
    /** Binance MessageHandling 2 = SEQUENTIAL: the venue processes our messages in order. */
    private static final String BINANCE_SEQUENTIAL = "25035=2\u0001";

    private final Map<String, Consumer<ExtensibleLogonEncoder>> signers = new HashMap<>();

    public VenueLogonCustomisation(final List<FixVenueConfig> venues)
    {
        for (final FixVenueConfig venue : venues)
        {
            if (venue.dialect() == VenueDialect.BINANCE_SPOT)
            {
                signers.put(key(venue.senderCompId(), venue.targetCompId()), signing(venue.logonSigner()));
            }
        }
    }

    public void configureLogon(final AbstractLogonEncoder logon, final long sessionId)
    {
        if (!(logon instanceof ExtensibleLogonEncoder))
        {
            return;
        }
        final ExtensibleLogonEncoder extensible = (ExtensibleLogonEncoder)logon;
        final HeaderEncoder header = (HeaderEncoder)logon.header();
        final Consumer<ExtensibleLogonEncoder> signing =
            signers.get(key(header.senderCompIDAsString(), header.targetCompIDAsString()));
        extensible.beforeEncode(signing);
        extensible.extraFields().clear();
        if (signing != null)
        {
            extensible.extraFields().append(BINANCE_SEQUENTIAL, null);
            LOG.info("event=venue_logon_signing sessionId={} sender={} target={}", sessionId,
                header.senderCompIDAsString(), header.targetCompIDAsString());
        }
    }

    public void configureLogout(final AbstractLogoutEncoder logout, final long sessionId)
    {
    }

    private static Consumer<ExtensibleLogonEncoder> signing(final Ed25519LogonSigner signer)
    {
        return logon ->
        {
            final HeaderEncoder header = logon.header();
            final byte[] rawData = signer.sign(header.senderCompIDAsString(), header.targetCompIDAsString(),
                header.msgSeqNum(), header.sendingTimeAsString()).getBytes(StandardCharsets.US_ASCII);
            logon.rawDataLength(rawData.length).rawData(rawData);
        };
    }

    private static String key(final String sender, final String target)
    {
        return sender + '\u0001' + target;
    }
}
