package io.meridian.admin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Admin API roles, each including the ones below it: a viewer reads, an operator also acts on
 * trading (kill switch, venue halt), an admin also manages users and limits. Which role a URL needs
 * is configured by pattern in {@code micronaut.security.intercept-url-map}; anything unmatched is denied.
 */
public enum AdminRole
{
    VIEWER, OPERATOR, ADMIN;

    /** The role names an authenticated user of this role holds: its own and every lower one. */
    public List<String> grantedRoles()
    {
        final List<String> roles = new ArrayList<>();
        for (final AdminRole role : values())
        {
            if (role.ordinal() <= ordinal())
            {
                roles.add(role.roleName());
            }
        }
        return roles;
    }

    public String roleName()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but viewer, operator or admin. */
    public static AdminRole of(final String name)
    {
        if (name != null)
        {
            for (final AdminRole role : values())
            {
                if (role.roleName().equalsIgnoreCase(name.trim()))
                {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("role must be viewer, operator or admin");
    }
}
