package io.meridian.venues.crypto;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * A crypto venue's API credentials: the key, and an HMAC secret or an Ed25519 private key, plus the
 * OKX passphrase. Never read from the YAML: {@link #load} takes a reference ({@code env:PREFIX} or
 * {@code file:/path}) and resolves it from environment variables or a secrets file. {@link #toString}
 * never shows a secret, and nothing here logs.
 */
public final class VenueCredentials
{
    private final String apiKey;
    private final String secret;
    private final String passphrase;
    private final PrivateKey ed25519Key;
    private final String source;

    private VenueCredentials(
        final String apiKey, final String secret, final String passphrase, final PrivateKey ed25519Key, final String source)
    {
        if (apiKey == null || apiKey.isBlank())
        {
            throw new IllegalArgumentException("credentials " + source + ": no API key");
        }
        if ((secret == null || secret.isEmpty()) && ed25519Key == null)
        {
            throw new IllegalArgumentException("credentials " + source + ": neither a secret nor an Ed25519 private key");
        }
        this.apiKey = apiKey;
        this.secret = secret;
        this.passphrase = passphrase;
        this.ed25519Key = ed25519Key;
        this.source = source;
    }

    /** HMAC credentials given directly (tests, the embedded simulators' demo accounts). */
    public static VenueCredentials hmac(final String apiKey, final String secret, final String passphrase)
    {
        return new VenueCredentials(apiKey, secret, passphrase, null, "inline");
    }

    /** Ed25519 credentials given directly. */
    public static VenueCredentials ed25519(final String apiKey, final PrivateKey key)
    {
        return new VenueCredentials(apiKey, null, null, key, "inline");
    }

    /**
     * Resolves a credentials reference:
     * <ul>
     *   <li>{@code env:PREFIX}: {@code PREFIX_API_KEY}, {@code PREFIX_API_SECRET} (HMAC) or
     *   {@code PREFIX_PRIVATE_KEY_PATH} (Ed25519 PKCS#8 PEM), {@code PREFIX_PASSPHRASE} (OKX);</li>
     *   <li>{@code file:/path}: a properties file with {@code api-key}, {@code api-secret},
     *   {@code private-key-path}, {@code passphrase} (keep it mode 600, outside the repository).</li>
     * </ul>
     */
    public static VenueCredentials load(final String reference, final Map<String, String> environment)
    {
        if (reference == null || reference.isBlank())
        {
            throw new IllegalArgumentException("no credentials reference (env:PREFIX or file:/path)");
        }
        if (reference.startsWith("env:"))
        {
            final String prefix = reference.substring(4);
            return of(environment.get(prefix + "_API_KEY"), environment.get(prefix + "_API_SECRET"),
                environment.get(prefix + "_PRIVATE_KEY_PATH"), environment.get(prefix + "_PASSPHRASE"), reference);
        }
        if (reference.startsWith("file:"))
        {
            final Path path = Path.of(reference.substring(5));
            final Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path))
            {
                properties.load(reader);
            }
            catch (final IOException e)
            {
                throw new IllegalArgumentException("credentials " + reference + ": cannot read the secrets file", e);
            }
            return of(properties.getProperty("api-key"), properties.getProperty("api-secret"),
                properties.getProperty("private-key-path"), properties.getProperty("passphrase"), reference);
        }
        throw new IllegalArgumentException("credentials reference must be env:PREFIX or file:/path, got a literal value");
    }

    private static VenueCredentials of(
        final String apiKey, final String secret, final String privateKeyPath, final String passphrase, final String source)
    {
        PrivateKey key = null;
        if (privateKeyPath != null && !privateKeyPath.isBlank())
        {
            key = readEd25519(Path.of(privateKeyPath), source);
        }
        return new VenueCredentials(apiKey, secret, passphrase, key, source);
    }

    private static PrivateKey readEd25519(final Path path, final String source)
    {
        try
        {
            final String pem = Files.readString(path)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
        catch (final Exception e)
        {
            throw new IllegalArgumentException("credentials " + source + ": unreadable Ed25519 private key file", e);
        }
    }

    public String apiKey()
    {
        return apiKey;
    }

    /** The HMAC secret; null for an Ed25519 key. */
    String secret()
    {
        return secret;
    }

    String passphrase()
    {
        return passphrase == null ? "" : passphrase;
    }

    /** The Ed25519 private key; null for an HMAC key. */
    PrivateKey ed25519Key()
    {
        return ed25519Key;
    }

    public boolean isEd25519()
    {
        return ed25519Key != null;
    }

    /** The API key with all but its first 4 characters masked, for logs and the admin API. */
    public String maskedApiKey()
    {
        return apiKey.length() <= 4 ? "****" : apiKey.substring(0, 4) + "****";
    }

    public String toString()
    {
        return "VenueCredentials[apiKey=" + maskedApiKey() + ", type=" + (isEd25519() ? "ed25519" : "hmac") +
            ", source=" + source + "]";
    }
}
