package io.meridian.simulators.binance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/** The RFC 8032 test vector 1 Ed25519 key pair, as the PEM files Binance keys come in. */
final class TestKeys {
    static final String RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String ED_API_KEY = "sim-trader1-ed25519";

    private TestKeys() {
    }

    /** PKCS#8 DER of the private key (fixed prefix for Ed25519 + the 32-byte seed). */
    static byte[] pkcs8() {
        return HexFormat.of().parseHex("302e020100300506032b657004220420" + RFC8032_SECRET);
    }

    /** X.509 SubjectPublicKeyInfo DER of the public key. */
    static byte[] x509() {
        return HexFormat.of().parseHex("302a300506032b6570032100" + RFC8032_PUBLIC);
    }

    static String publicPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(x509()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** Writes the private key PEM (what the connector's Ed25519SignatureGenerator reads) to a file. */
    static Path privatePemFile(Path dir) {
        try {
            Path file = dir.resolve("ed25519-private.pem");
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8()) + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
