package io.meridian.simulators.binance;

import java.util.Objects;

/**
 * An API key the simulator accepts: HMAC (a secret) or Ed25519 (a public key, PEM or base64 X.509).
 *
 * @param account the exchange account the key trades for
 */
public record BinanceApiKey(String apiKey, String account, String hmacSecret, String ed25519PublicKey) {

    public BinanceApiKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(account, "account");
        if ((hmacSecret == null) == (ed25519PublicKey == null)) {
            throw new IllegalArgumentException("an API key has either an HMAC secret or an Ed25519 public key: " + apiKey);
        }
    }

    public static BinanceApiKey hmac(String apiKey, String secret, String account) {
        return new BinanceApiKey(apiKey, account, secret, null);
    }

    public static BinanceApiKey ed25519(String apiKey, String publicKey, String account) {
        return new BinanceApiKey(apiKey, account, null, publicKey);
    }

    public boolean isEd25519() {
        return ed25519PublicKey != null;
    }
}
