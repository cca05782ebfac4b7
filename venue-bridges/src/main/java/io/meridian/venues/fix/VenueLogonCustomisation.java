package io.meridian.venues.fix;

import io.meridian.fix.ExtensibleLogonEncoder;
import io.meridian.fix.codecs.builder.HeaderEncoder;
import io.meridian.fix.codecs.builder.LogonEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.co.real_logic.artio.builder.AbstractLogonEncoder;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in what a venue dialect adds to our Logon, per venue session (found by its CompIDs): for
 * Binance spot, the Ed25519 signature in RawDataLength/RawData (95/96) and MessageHandling (25035).
 * Artio calls it on the library thread after the header (seqnum, SendingTime) is set, so the
 * signature covers the values actually sent.
 */
public final class VenueLogonCustomisation implements SessionCustomisationStrategy
{
    private static final Logger LOG = LoggerFactory.getLogger(VenueLogonCustomisation.class);
    /** Binance MessageHandling 2 = SEQUENTIAL: the venue processes our messages in order. */
    private static final String BINANCE_SEQUENTIAL = "25035=2\u0001";

    private final Map<String, Ed25519LogonSigner> signers = new HashMap<>();

    public VenueLogonCustomisation(final List<FixVenueConfig> venues)
    {
        for (final FixVenueConfig venue : venues)
        {
            if (venue.dialect() == VenueDialect.BINANCE_SPOT)
            {
                signers.put(key(venue.senderCompId(), venue.targetCompId()), venue.logonSigner());
            }
        }
    }

    public void configureLogon(final AbstractLogonEncoder logon, final long sessionId)
    {
        if (!(logon.header() instanceof HeaderEncoder))
        {
            return;
        }
        final HeaderEncoder header = (HeaderEncoder)logon.header();
        final String sender = header.senderCompIDAsString();
        final String target = header.targetCompIDAsString();
        final Ed25519LogonSigner signer = signers.get(key(sender, target));
        if (signer == null)
        {
            return;
        }
        final String signature = signer.sign(sender, target, header.msgSeqNum(), header.sendingTimeAsString());
        final byte[] rawData = signature.getBytes(StandardCharsets.US_ASCII);
        ((LogonEncoder)logon).rawDataLength(rawData.length).rawData(rawData);
        if (logon instanceof ExtensibleLogonEncoder)
        {
            ((ExtensibleLogonEncoder)logon).extraFields().clear().append(BINANCE_SEQUENTIAL, null);
        }
        LOG.info("event=venue_logon_signed sessionId={} sender={} target={} seqNum={}", sessionId, sender, target,
            header.msgSeqNum());
    }

    public void configureLogout(final AbstractLogoutEncoder logout, final long sessionId)
    {
    }

    private static String key(final String sender, final String target)
    {
        return sender + '\u0001' + target;
    }
}
