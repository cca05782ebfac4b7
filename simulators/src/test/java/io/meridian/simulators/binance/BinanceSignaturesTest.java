package io.meridian.simulators.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BinanceSignaturesTest {

    @Test
    void hmacKnownAnswerFromBinanceDocs() {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        String payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        String expected = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

        assertThat(BinanceSignatures.hmacSha256Hex(secret, payload)).isEqualTo(expected);
        assertThat(BinanceSignatures.verifyHmac(secret, payload, expected.toUpperCase())).isTrue();
        assertThat(BinanceSignatures.verifyHmac(secret, payload + "0", expected)).isFalse();
    }

    @Test
    void ed25519KnownAnswerRfc8032TestVector1() throws Exception {
        String expected = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
            + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(TestKeys.pkcs8()));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(new byte[0]);
        byte[] signature = signer.sign();

        assertThat(HexFormat.of().formatHex(signature)).isEqualTo(expected);
        var publicKey = BinanceSignatures.ed25519PublicKey(TestKeys.publicPem());
        assertThat(BinanceSignatures.verifyEd25519(publicKey, "", Base64.getEncoder().encodeToString(signature))).isTrue();
        assertThat(BinanceSignatures.verifyEd25519(publicKey, "x", Base64.getEncoder().encodeToString(signature))).isFalse();
    }

    @Test
    void mixedQueryAndBodyPayloadKnownAnswerFromBinanceDocs() {
        // Binance's "Example 3: Mixed query string and request body"
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
        String expected = "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77";
        String body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=" + expected;

        String payload = BinanceSimulator.signaturePayload(query, body);
        assertThat(payload).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
        assertThat(BinanceSignatures.hmacSha256Hex(secret, payload)).isEqualTo(expected);
        assertThat(BinanceSimulator.signaturePayload("", "a=1&signature=ab")).isEqualTo("a=1");
        assertThat(BinanceSimulator.signaturePayload("signature=ab", "a=1")).isEqualTo("a=1");
    }

    @Test
    void signatureParameterIsCutFromTheRawQuery() {
        assertThat(BinanceSimulator.withoutSignature("a=1&signature=ab&b=2")).isEqualTo("a=1&b=2");
        assertThat(BinanceSimulator.withoutSignature("a=1%2B1&timestamp=5&signature=ab")).isEqualTo("a=1%2B1&timestamp=5");
        assertThat(BinanceSimulator.withoutSignature("")).isEmpty();
    }
}
