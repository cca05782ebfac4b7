package io.meridian.admin.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.meridian.admin.MeridianServer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC-SHA256 key that signs and verifies the console's bearer tokens: {@code MERIDIAN_JWT_SECRET}
 * (at least 32 characters) when set, else {@code <data-dir>/jwt-secret}, created with 256 random bits
 * on the first start and readable by its owner only. Never in the YAML.
 */
@Factory
public class JwtSigningKeyFactory
{
    private static final String FILE = "jwt-secret";

    @Singleton
    @Named("generator")
    // declared as the interface: the class SecretSignature is an @EachBean whose annotation would be inherited
    public SignatureGeneratorConfiguration jwtSignature(
        final MeridianServer server, @Value("${meridian.admin.jwt-secret:}") final String fromEnvironment)
    {
        final SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        if (fromEnvironment != null && !fromEnvironment.isBlank())
        {
            if (fromEnvironment.length() < 32)
            {
                throw new IllegalArgumentException("MERIDIAN_JWT_SECRET must have at least 32 characters");
            }
            configuration.setSecret(fromEnvironment);
            return new SecretSignature(configuration);
        }
        configuration.setSecret(secretFile(server.config().dataDir().resolve(FILE)));
        configuration.setBase64(true);
        return new SecretSignature(configuration);
    }

    private static String secretFile(final Path file)
    {
        try
        {
            if (Files.exists(file))
            {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            final byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            final String secret = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.US_ASCII);
            try
            {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (final UnsupportedOperationException | FileSystemException e)
            {
                // not a POSIX file system: the data directory's protection applies
            }
            return secret;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
