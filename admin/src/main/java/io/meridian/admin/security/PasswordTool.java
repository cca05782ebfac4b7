package io.meridian.admin.security;

import io.meridian.gateway.PasswordHash;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code bin/meridian-passwd}: reads a password (twice from a terminal, once from a pipe) and prints
 * its bcrypt hash, to paste into the YAML as a FIX client's {@code password} or an admin user's
 * {@code password-hash}. The password never appears on the command line.
 */
public final class PasswordTool
{
    private PasswordTool()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        int cost = PasswordHash.DEFAULT_COST;
        for (int i = 0; i < args.length; i++)
        {
            if ("--cost".equals(args[i]) && i + 1 < args.length)
            {
                cost = Integer.parseInt(args[++i]);
            }
            else
            {
                System.err.println("usage: bin/meridian-passwd [--cost 4..31]   (reads the password from the terminal or stdin)");
                System.exit(2);
            }
        }
        final String password;
        final Console console = System.console();
        if (console != null)
        {
            final char[] first = console.readPassword("Password: ");
            final char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !new String(first).equals(new String(second)))
            {
                System.err.println("the passwords differ");
                System.exit(1);
            }
            password = new String(first);
        }
        else
        {
            final String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        try
        {
            System.out.println(PasswordHash.hash(password, cost));
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
