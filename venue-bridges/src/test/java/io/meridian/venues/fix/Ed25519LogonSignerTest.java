package io.meridian.venues.fix;

import io.meridian.fix.ExtensibleFixDictionary;
import io.meridian.fix.ExtensibleLogonEncoder;
import io.meridian.fix.codecs.builder.HeaderEncoder;
import io.meridian.fix.dialect.DialectDictionary;
import io.meridian.fix.dialect.MessageValidator;
import io.meridian.fix.dialect.ValidationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519LogonSignerTest
{
    /** The illustration key and answer published in Binance's FIX API docs ("How to sign Logon request"). */
    private static final String BINANCE_DOC_KEY =
        "-----BEGIN PRIVATE KEY-----\n" +
        "MC4CAQAwBQYDK2VwBCIEIIJEYWtGBrhACmb9Dvy+qa8WEf0lQOl1s4CLIAB9m89u\n" +
        "-----END PRIVATE KEY-----\n";
    private static final String BINANCE_DOC_SIGNATURE =
        "4MHXelVVcpkdwuLbl6n73HQUXUf1dse2PCgT1DYqW9w8AVZ1RACFGM+5UdlGPrQHrgtS3CvsRURC1oj73j8gCA==";

    @Test
    void matchesBinancesPublishedExample()
    {
        final Ed25519LogonSigner signer = Ed25519LogonSigner.fromPem(BINANCE_DOC_KEY);
        assertThat(signer.sign("EXAMPLE", "SPOT", 1, "20240627-11:17:25.223")).isEqualTo(BINANCE_DOC_SIGNATURE);
        assertThat(signer.sign("EXAMPLE", "SPOT", 2, "20240627-11:17:25.223")).isNotEqualTo(BINANCE_DOC_SIGNATURE);
    }

    @Test
    void refusesSomethingThatIsNotAnEd25519Key()
    {
        assertThatThrownBy(() -> Ed25519LogonSigner.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedLogonCarriesTheDialectFieldsAndAVerifiableSignature(@TempDir final Path dir) throws Exception
    {
        final KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final Path keyFile = dir.resolve("binance.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n" +
            Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        final FixVenueConfig venue = new FixVenueConfig(0, "BINANCE", "localhost", 9000, "MERIDIAN1", "SPOT",
            "api-key-123", null, 1000, new int[0], VenueDialect.BINANCE_SPOT, keyFile);

        final ExtensibleLogonEncoder logon = (ExtensibleLogonEncoder)new ExtensibleFixDictionary().makeLogonEncoder();
        final HeaderEncoder header = logon.header();
        // in Artio's order: CompIDs are set when the session is created, then the customisation strategy
        // runs, and only then are MsgSeqNum and SendingTime set, right before encoding
        header.senderCompID("MERIDIAN1").targetCompID("SPOT").msgSeqNum(7)
            .sendingTime("20000101-00:00:00.000".getBytes(StandardCharsets.US_ASCII));
        logon.heartBtInt(30).resetSeqNumFlag(true).encryptMethod(0).username("api-key-123");
        new VenueLogonCustomisation(List.of(venue)).configureLogon(logon, 42);
        header.msgSeqNum(1).sendingTime("20261123-10:00:00.123".getBytes(StandardCharsets.US_ASCII));

        final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);
        final long result = logon.encode(buffer, 0);
        final String message = buffer.getStringWithoutLengthAscii(Encoder.offset(result), Encoder.length(result));
        assertThat(message).contains("\u000125035=2\u0001").contains("\u0001553=api-key-123\u0001")
            .contains("\u0001141=Y\u0001").contains("\u000134=1\u0001").contains("\u000152=20261123-10:00:00.123\u0001");

        // the message is valid in the Binance dialect (which requires 95/96/141/553/25035) ...
        final DialectDictionary binance = DialectDictionary.merge(
            DialectDictionary.open("classpath:fix/FIX44.xml"), DialectDictionary.open("classpath:fix/dialects/binance-spot.xml"));
        assertThat(new MessageValidator(binance).validate(buffer, Encoder.offset(result), Encoder.length(result)))
            .isEqualTo(ValidationFailure.NONE);

        // ... and the venue can verify RawData with our public key over the fields as sent
        final String rawData = field(message, "96");
        final Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.getPublic());
        verifier.update(Ed25519LogonSigner.payload(field(message, "49"), field(message, "56"),
            Integer.parseInt(field(message, "34")), field(message, "52")).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getDecoder().decode(rawData))).isTrue();
        assertThat(Integer.parseInt(field(message, "95"))).isEqualTo(rawData.length());
    }

    @Test
    void sessionsOfOtherVenuesAreLeftAlone()
    {
        final ExtensibleLogonEncoder logon = (ExtensibleLogonEncoder)new ExtensibleFixDictionary().makeLogonEncoder();
        logon.header().senderCompID("MERIDIAN").targetCompID("VENUE").msgSeqNum(1)
            .sendingTime("20261123-10:00:00.123".getBytes(StandardCharsets.US_ASCII));
        logon.heartBtInt(30).encryptMethod(0);
        new VenueLogonCustomisation(List.of()).configureLogon(logon, 1);
        final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);
        final long result = logon.encode(buffer, 0);
        final String message = buffer.getStringWithoutLengthAscii(Encoder.offset(result), Encoder.length(result));
        assertThat(message).doesNotContain("\u000196=").doesNotContain("25035=");
    }

    private static String field(final String message, final String tag)
    {
        final int start = message.indexOf('\u0001' + tag + '=') + tag.length() + 2;
        return message.substring(start, message.indexOf('\u0001', start));
    }
}
