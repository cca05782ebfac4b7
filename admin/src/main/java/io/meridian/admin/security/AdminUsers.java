package io.meridian.admin.security;

import io.meridian.admin.MeridianServer;
import io.meridian.gateway.PasswordHash;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The admin API's users. Read from {@code meridian.admin.users} in the configuration (name, role,
 * password-hash: read-only) and from {@code <data-dir>/admin-users} (managed through
 * {@code /admin/users}, one {@code name role bcrypt-hash} line each, owner-readable only). On the
 * first start, with no user anywhere, creates {@code admin} with the password of
 * {@code MERIDIAN_ADMIN_PASSWORD} or a random one printed once on standard output.
 */
@Context
public class AdminUsers
{
    private static final Logger LOG = LoggerFactory.getLogger(AdminUsers.class);
    private static final String FILE = "admin-users";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Map<String, AdminUser> users = new ConcurrentHashMap<>();
    private final Path file;

    public AdminUsers(
        final MeridianServer server, final PropertyResolver properties,
        @Value("${meridian.admin.password:}") final String initialPassword)
    {
        this.file = server.config().dataDir().resolve(FILE);
        loadConfigured(properties);
        loadFile();
        if (users.isEmpty())
        {
            bootstrapAdmin(initialPassword);
        }
    }

    /** The user, if the name and password match; runs bcrypt, so call it off the event loop. */
    public Optional<AdminUser> authenticate(final String name, final String password)
    {
        final AdminUser user = name == null ? null : users.get(name);
        if (user == null)
        {
            // same cost as a real check, so response times do not reveal which names exist
            PasswordHash.verify(password == null ? "" : password, DUMMY_HASH);
            return Optional.empty();
        }
        return PasswordHash.verify(password, user.passwordHash()) ? Optional.of(user) : Optional.empty();
    }

    private static final String DUMMY_HASH = PasswordHash.hash("not-a-user", PasswordHash.DEFAULT_COST);

    public List<AdminUser> list()
    {
        final List<AdminUser> list = new ArrayList<>(users.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }

    public Optional<AdminUser> find(final String name)
    {
        return Optional.ofNullable(name == null ? null : users.get(name));
    }

    /**
     * Creates or replaces a managed user.
     *
     * @return the previous user of that name, if any.
     * @throws IllegalArgumentException for a bad name or password, or a user defined in the configuration.
     */
    public synchronized Optional<AdminUser> put(final String name, final AdminRole role, final String password)
    {
        if (name == null || !NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, '.', '_' or '-'");
        }
        final AdminUser previous = users.get(name);
        if (previous != null && "configuration".equals(previous.source()))
        {
            throw new IllegalStateException("user " + name + " is defined in the configuration");
        }
        final AdminUser user = new AdminUser(name, role, PasswordHash.hash(password), FILE);
        users.put(name, user);
        save();
        return Optional.ofNullable(previous);
    }

    /** @return the removed user; empty when unknown. */
    public synchronized Optional<AdminUser> remove(final String name)
    {
        final AdminUser user = name == null ? null : users.get(name);
        if (user == null)
        {
            return Optional.empty();
        }
        if ("configuration".equals(user.source()))
        {
            throw new IllegalStateException("user " + name + " is defined in the configuration");
        }
        users.remove(name);
        save();
        return Optional.of(user);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void loadConfigured(final PropertyResolver properties)
    {
        final List<Map> configured = properties.getProperty("meridian.admin.users", Argument.listOf(Map.class))
            .orElse(List.of());
        for (final Map<String, Object> entry : (List<Map<String, Object>>)(List)configured)
        {
            final String name = String.valueOf(entry.get("name"));
            final Object hash = entry.containsKey("password-hash") ? entry.get("password-hash") : entry.get("passwordHash");
            if (!NAME.matcher(name).matches() || hash == null || !PasswordHash.isHash(hash.toString()))
            {
                throw new IllegalArgumentException(
                    "configuration meridian.admin.users: each user needs a name and a bcrypt password-hash " +
                    "(bin/meridian-passwd prints one); bad entry for '" + name + "'");
            }
            users.put(name, new AdminUser(name, AdminRole.of(String.valueOf(entry.get("role"))), hash.toString(),
                "configuration"));
        }
    }

    private void loadFile()
    {
        if (!Files.exists(file))
        {
            return;
        }
        try
        {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            {
                final String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && PasswordHash.isHash(parts[2]) && !users.containsKey(parts[0]))
                {
                    users.put(parts[0], new AdminUser(parts[0], AdminRole.of(parts[1]), parts[2], FILE));
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void bootstrapAdmin(final String initialPassword)
    {
        final boolean generated = initialPassword == null || initialPassword.isBlank();
        final String password = generated ? randomPassword() : initialPassword;
        users.put("admin", new AdminUser("admin", AdminRole.ADMIN, PasswordHash.hash(password), FILE));
        save();
        if (generated)
        {
            // printed once, on the console only (not the log): the file keeps only the hash
            System.out.println();
            System.out.println("  Meridian console: first start, created user 'admin' with password " + password);
            System.out.println("  (shown once; change it in the console or set MERIDIAN_ADMIN_PASSWORD on a fresh data dir)");
            System.out.println();
        }
        LOG.info("event=admin_user_created user=admin source={}", generated ? "generated" : "MERIDIAN_ADMIN_PASSWORD");
    }

    private static String randomPassword()
    {
        final SecureRandom random = new SecureRandom();
        final StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++)
        {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void save()
    {
        final List<String> lines = new ArrayList<>();
        for (final AdminUser user : list())
        {
            if (FILE.equals(user.source()))
            {
                lines.add(user.name() + " " + user.role().roleName() + " " + user.passwordHash());
            }
        }
        try
        {
            Files.createDirectories(file.getParent());
            final Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            ownerOnly(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void ownerOnly(final Path path) throws IOException
    {
        try
        {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
        catch (final UnsupportedOperationException | FileSystemException e)
        {
            // not a POSIX file system: the directory's protection applies
        }
    }
}
