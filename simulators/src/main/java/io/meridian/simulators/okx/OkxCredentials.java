package io.meridian.simulators.okx;

import java.util.Objects;

/** An API key as OKX issues it (key, secret, passphrase) and the simulator account it trades for. */
public record OkxCredentials(String apiKey, String secret, String passphrase, String account) {
    public OkxCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(account, "account");
    }
}
