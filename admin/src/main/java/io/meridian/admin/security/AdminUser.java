package io.meridian.admin.security;

/** An admin API user: name, role and a bcrypt hash of the password (never the password). */
public record AdminUser(String name, AdminRole role, String passwordHash, String source)
{
}
