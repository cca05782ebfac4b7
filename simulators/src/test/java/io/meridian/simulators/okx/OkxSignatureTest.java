package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Known answers for OKX request signing. OKX documents the pre-hash strings (timestamp
 * {@code 2020-12-08T09:08:57.715Z}, {@code GET /api/v5/account/balance?ccy=BTC}, the body
 * {@code {"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}}, and the WebSocket login
 * {@code timestamp + "GET" + "/users/self/verify"} with timestamp {@code 1538054050}) but not a
 * signature value for a published secret, so the expected values below were computed
 * independently with Python's {@code base64.b64encode(hmac.new(secret, prehash, sha256).digest())}
 * for the secret {@code meridian-okx-kat-secret}.
 */
class OkxSignatureTest {
    private static final String SECRET = "meridian-okx-kat-secret";

    @Test
    void signsAGetWithItsQueryInTheRequestPath() {
        String prehash = OkxSignature.prehash("2020-12-08T09:08:57.715Z", "GET", "/api/v5/account/balance?ccy=BTC", "");
        assertThat(prehash).isEqualTo("2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC");
        assertThat(OkxSignature.sign(SECRET, prehash)).isEqualTo("PAnKaPDFNb7UTuucphLgTUjLEPwOh/TogDV0sv6KrRE=");
    }

    @Test
    void signsAPostWithItsBody() {
        String prehash = OkxSignature.prehash("2020-12-08T09:08:57.715Z", "POST", "/api/v5/account/set-leverage",
            "{\"instId\":\"BTC-USDT\",\"lever\":\"5\",\"mgnMode\":\"isolated\"}");
        assertThat(OkxSignature.sign(SECRET, prehash)).isEqualTo("tYT49OK18u8oUci1kMspa3+lwsBdHX5q+Hs+hDrkOz8=");
        assertThat(OkxSignature.matches(SECRET, prehash, "tYT49OK18u8oUci1kMspa3+lwsBdHX5q+Hs+hDrkOz8=")).isTrue();
        assertThat(OkxSignature.matches(SECRET, prehash + " ", "tYT49OK18u8oUci1kMspa3+lwsBdHX5q+Hs+hDrkOz8=")).isFalse();
        assertThat(OkxSignature.matches("other", prehash, "tYT49OK18u8oUci1kMspa3+lwsBdHX5q+Hs+hDrkOz8=")).isFalse();
    }

    @Test
    void signsAWebSocketLogin() {
        String prehash = OkxSignature.prehash("1538054050", "GET", OkxSignature.WS_LOGIN_PATH, "");
        assertThat(OkxSignature.sign(SECRET, prehash)).isEqualTo("SnSSQvAkNFv5fHCYIFkj/OEqlKkAshkfWoQh6WZhAV0=");
    }

    @Test
    void formatsAndParsesIsoMillisecondTimestamps() {
        assertThat(OkxSignature.isoTimestamp(1_607_418_537_715L)).isEqualTo("2020-12-08T09:08:57.715Z");
        assertThat(OkxSignature.isoTimestamp(1_607_418_537_000L)).isEqualTo("2020-12-08T09:08:57.000Z");
        assertThat(OkxSignature.parseIsoTimestamp("2020-12-08T09:08:57.715Z")).isEqualTo(1_607_418_537_715L);
        assertThat(OkxSignature.parseIsoTimestamp("1607418537715")).isEqualTo(-1);
        assertThat(OkxSignature.parseIsoTimestamp("")).isEqualTo(-1);
    }
}
