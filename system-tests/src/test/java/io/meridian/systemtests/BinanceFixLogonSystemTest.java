package io.meridian.systemtests;

import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.venues.fix.Ed25519LogonSigner;
import io.meridian.venues.fix.FixVenueConfig;
import io.meridian.venues.fix.VenueDialect;
import io.meridian.venues.fix.VenueStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meridian's Artio initiator logs on to a Binance-spot-style FIX acceptor (QuickFIX/J, with the merged
 * binance-spot dialect dictionary) that checks the Logon as Binance documents it: API key in Username,
 * Ed25519 signature of the header fields in RawData, ResetSeqNumFlag=Y, MessageHandling present.
 * A session signing with the wrong key is refused and stays disconnected.
 */
@Timeout(90)
class BinanceFixLogonSystemTest
{
    private static final String API_KEY = "meridian-test-api-key";

    @Test
    void signedLogonIsAcceptedAndAWrongKeyIsRefused(@TempDir final Path dir) throws Exception
    {
        final KeyPair registered = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final KeyPair unregistered = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final Path goodKey = writePem(dir.resolve("good.pem"), registered);
        final Path badKey = writePem(dir.resolve("bad.pem"), unregistered);

        final Path dictionary = dir.resolve("binance-spot-FIX44.xml");
        Files.writeString(dictionary, DialectDictionary.merge(
            DialectDictionary.open("classpath:fix/FIX44.xml"),
            DialectDictionary.open("classpath:fix/dialects/binance-spot.xml")).toQuickFixXml());
        final int spotPort = freePort();
        final SpotAcceptor spot = new SpotAcceptor(registered.getPublic());
        final SocketAcceptor acceptor = new SocketAcceptor(spot, new MemoryStoreFactory(),
            spotSettings(spotPort, dictionary), new SLF4JLogFactory(spotSettings(spotPort, dictionary)),
            new DefaultMessageFactory());
        acceptor.start();
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port(), List.of(
                new FixVenueConfig(1, "BINANCE", "localhost", spotPort, "MERIDIANA", "SPOT", API_KEY, null, 200,
                    new int[0], VenueDialect.BINANCE_SPOT, goodKey),
                new FixVenueConfig(2, "BINANCE_BADKEY", "localhost", spotPort, "MERIDIANB", "SPOT", API_KEY, null, 200,
                    new int[0], VenueDialect.BINANCE_SPOT, badKey))).start())
        {
            final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
            while (!(status(meridian, "BINANCE").connected() && spot.refused.getOrDefault("MERIDIANB", 0) >= 2))
            {
                assertThat(System.nanoTime()).as("signed logon accepted, bad key refused: " +
                    meridian.server().venueBridge().status() + " " + spot.refused + " " + spot.lastRefusedLogon + " " + spot.adminSeen.stream().limit(12).toList())
                    .isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(spot.accepted).containsKey("MERIDIANA");
            final Message logon = spot.accepted.get("MERIDIANA");
            assertThat(logon.getString(553)).isEqualTo(API_KEY);
            assertThat(logon.getString(25035)).isEqualTo("2");
            assertThat(logon.getBoolean(141)).isTrue();
            assertThat(status(meridian, "BINANCE").dialect()).isEqualTo("BINANCE_SPOT");
            assertThat(status(meridian, "BINANCE_BADKEY").connected()).isFalse();
            assertThat(spot.accepted).doesNotContainKey("MERIDIANB");
        }
        finally
        {
            acceptor.stop(true);
        }
    }

    private static VenueStatus status(final MeridianTestServer meridian, final String name)
    {
        return meridian.server().venueBridge().status().stream().filter(v -> v.name().equals(name)).findFirst()
            .orElseThrow();
    }

    private static Path writePem(final Path file, final KeyPair keys) throws Exception
    {
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" +
            Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private static SessionSettings spotSettings(final int port, final Path dictionary) throws Exception
    {
        final String config = String.join("\n",
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "StartTime=00:00:00",
            "EndTime=00:00:00",
            "HeartBtInt=30",
            "UseDataDictionary=Y",
            "DataDictionary=" + dictionary,
            "SocketAcceptPort=" + port,
            "SocketAcceptAddress=127.0.0.1",
            "BeginString=FIX.4.4",
            "SenderCompID=SPOT",
            "[SESSION]",
            "TargetCompID=MERIDIANA",
            "[SESSION]",
            "TargetCompID=MERIDIANB",
            "");
        return new SessionSettings(new ByteArrayInputStream(config.getBytes(StandardCharsets.US_ASCII)));
    }

    private static int freePort() throws Exception
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    /** Checks each Logon as Binance's spot FIX API does; refuses it otherwise. */
    private static final class SpotAcceptor implements Application
    {
        final Map<String, Message> accepted = new ConcurrentHashMap<>();
        final Map<String, Integer> refused = new ConcurrentHashMap<>();
        final Map<String, String> lastRefusedLogon = new ConcurrentHashMap<>();
        final java.util.Queue<String> adminSeen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final PublicKey apiKeyPublicKey;

        SpotAcceptor(final PublicKey apiKeyPublicKey)
        {
            this.apiKeyPublicKey = apiKeyPublicKey;
        }

        public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon
        {
            if (!"A".equals(message.getHeader().getString(35)))
            {
                adminSeen.add(message.toString().replace('\u0001', '|'));
                return;
            }
            final String sender = message.getHeader().getString(49);
            try
            {
                final Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(apiKeyPublicKey);
                verifier.update(Ed25519LogonSigner.payload(sender, message.getHeader().getString(56),
                    message.getHeader().getInt(34), message.getHeader().getString(52)).getBytes(StandardCharsets.US_ASCII));
                final boolean valid = verifier.verify(Base64.getDecoder().decode(message.getString(96))) &&
                    API_KEY.equals(message.getString(553)) && message.getBoolean(141) && message.isSetField(25035);
                if (valid)
                {
                    accepted.put(sender, message);
                    return;
                }
            }
            catch (final java.security.GeneralSecurityException | IllegalArgumentException e)
            {
                // falls through to the refusal
            }
            refused.merge(sender, 1, Integer::sum);
            lastRefusedLogon.put(sender, message.toString().replace('\u0001', '|'));
            throw new RejectLogon("Invalid signature.");
        }

        public void onCreate(final SessionID sessionId)
        {
        }

        public void onLogon(final SessionID sessionId)
        {
        }

        public void onLogout(final SessionID sessionId)
        {
        }

        public void toAdmin(final Message message, final SessionID sessionId)
        {
            adminSeen.add("OUT " + message.toString().replace('\u0001', '|'));
        }

        public void toApp(final Message message, final SessionID sessionId)
        {
        }

        public void fromApp(final Message message, final SessionID sessionId)
        {
        }
    }
}
