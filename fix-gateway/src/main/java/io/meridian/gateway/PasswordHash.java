package io.meridian.gateway;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/**
 * Salted password hashes (bcrypt, 2a/2b/2y) for FIX client passwords and admin users, so no secret
 * sits in the configuration in clear. Verification is deliberately slow (cost 2^cost rounds): never
 * on the order path.
 */
public final class PasswordHash
{
    /** About 50-100 ms per verification on a small server: slow for a guesser, fine for a logon. */
    public static final int DEFAULT_COST = 10;
    /** bcrypt reads at most 72 bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private PasswordHash()
    {
    }

    /** A new salted bcrypt hash ({@code $2a$10$...}) of a password of at most 72 UTF-8 bytes. */
    public static String hash(final String password, final int cost)
    {
        final byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_PASSWORD_BYTES)
        {
            throw new IllegalArgumentException("a password must have 1 to 72 UTF-8 bytes");
        }
        return new String(BCrypt.withDefaults().hash(cost, bytes), StandardCharsets.US_ASCII);
    }

    public static String hash(final String password)
    {
        return hash(password, DEFAULT_COST);
    }

    /** true when {@code value} is a bcrypt hash rather than a clear-text secret. */
    public static boolean isHash(final String value)
    {
        return value != null && value.length() == 60 &&
            (value.startsWith("$2a$") || value.startsWith("$2b$") || value.startsWith("$2y$"));
    }

    /** Constant-time check of a candidate password against a bcrypt hash; false for anything malformed. */
    public static boolean verify(final String candidate, final String hash)
    {
        if (candidate == null || !isHash(hash))
        {
            return false;
        }
        final byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_PASSWORD_BYTES)
        {
            return false;
        }
        try
        {
            return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.US_ASCII)).verified;
        }
        catch (final IllegalArgumentException e)
        {
            return false;
        }
    }
}
