package io.meridian.venues.crypto;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceSignerTest
{
    /** The known-answer test of Binance's API documentation. */
    @Test
    void hmacMatchesBinancesDocumentedExample()
    {
        final String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        final String payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000" +
            "&timestamp=1499827319559";
        final String expected = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
        assertThat(BinanceSigner.hmacSha256Hex(secret, payload)).isEqualTo(expected);
        assertThat(new BinanceSigner(VenueCredentials.hmac("key", secret, null)).sign(payload)).isEqualTo(expected);
    }

    @Test
    void ed25519SignatureVerifiesWithThePublicKey() throws Exception
    {
        final var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final String payload = "apiKey=abc&timestamp=1700000000000";
        final String signature = new BinanceSigner(VenueCredentials.ed25519("abc", pair.getPrivate())).sign(payload);
        final Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverShowTheirSecret()
    {
        final VenueCredentials credentials = VenueCredentials.load("env:BINANCE",
            Map.of("BINANCE_API_KEY", "abcd1234key", "BINANCE_API_SECRET", "very-secret-value"));
        assertThat(credentials.apiKey()).isEqualTo("abcd1234key");
        assertThat(credentials.toString()).doesNotContain("very-secret-value").doesNotContain("1234key");
        assertThatThrownBy(() -> VenueCredentials.load("sk-literal-secret", Map.of()))
            .hasMessageNotContaining("sk-literal-secret");
        assertThatThrownBy(() -> VenueCredentials.load("env:MISSING", Map.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
