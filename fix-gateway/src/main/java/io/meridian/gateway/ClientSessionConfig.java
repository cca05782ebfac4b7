package io.meridian.gateway;

import io.meridian.fix.dialect.DialectDictionary;

/**
 * One buy-side client allowed to log on: its CompID, the CompID it must address Meridian as,
 * and optional Logon credentials (Username 553 / Password 554) checked when set.
 */
public final class ClientSessionConfig
{
    private static final String BASE_DICTIONARY = "classpath:fix/FIX44.xml";

    private final int clientId;
    private final String clientCompId;
    private final String meridianCompId;
    private final String username;
    private final String password;
    private final String dialectLocation;
    private final DialectDictionary dialect;
    private final int[] carryTags;

    /**
     * @param clientId       dense index 0..n-1, stable across restarts (the journal refers to it).
     * @param clientCompId   the client's SenderCompID (49).
     * @param meridianCompId the TargetCompID (56) the client uses for Meridian.
     * @param username       required Username (553), or null when not checked.
     * @param password       required Password (554), or null when not checked.
     */
    public ClientSessionConfig(
        final int clientId, final String clientCompId, final String meridianCompId, final String username,
        final String password)
    {
        this(clientId, clientCompId, meridianCompId, username, password, null, null, new int[0]);
    }

    private ClientSessionConfig(
        final int clientId, final String clientCompId, final String meridianCompId, final String username,
        final String password, final String dialectLocation, final DialectDictionary dialect, final int[] carryTags)
    {
        this.clientId = clientId;
        this.clientCompId = clientCompId;
        this.meridianCompId = meridianCompId;
        this.username = blankToNull(username);
        this.password = blankToNull(password);
        this.dialectLocation = dialectLocation;
        this.dialect = dialect;
        this.carryTags = carryTags;
    }

    /**
     * @param location the client's dialect overlay, {@code classpath:fix/dialects/...} or a file path, merged onto
     *                 the base FIX 4.4 dictionary; blank for none.
     * @return a copy whose application messages are validated against the merged dictionary.
     */
    public ClientSessionConfig withDialect(final String location)
    {
        if (location == null || location.isBlank())
        {
            return this;
        }
        final DialectDictionary merged = DialectDictionary.merge(
            DialectDictionary.open(BASE_DICTIONARY), DialectDictionary.open(location));
        return new ClientSessionConfig(
            clientId, clientCompId, meridianCompId, username, password, location, merged, carryTags);
    }

    /**
     * @param tags fields of the client's NewOrderSingle and OrderCancelReplaceRequest that travel unchanged to
     *             the venue (dialect fields the venue expects, e.g. a strategy or desk tag).
     * @return a copy that carries them.
     */
    public ClientSessionConfig withCarryTags(final int... tags)
    {
        return new ClientSessionConfig(
            clientId, clientCompId, meridianCompId, username, password, dialectLocation, dialect, tags.clone());
    }

    /** @return tags carried from the client's orders to the venue; empty when none. */
    public int[] carryTags()
    {
        return carryTags.clone();
    }

    /** @return the tags this client's dictionary allows on an ExecutionReport. */
    public java.util.Set<Integer> executionReportTags()
    {
        final DialectDictionary dictionary = dialect != null ? dialect : BaseDictionary.INSTANCE;
        final java.util.Set<Integer> tags = new java.util.HashSet<>(dictionary.headerAndTrailerTags());
        tags.addAll(dictionary.messages().get("8").fields().keySet());
        return tags;
    }

    /** The base FIX 4.4 dictionary, loaded once on first use. */
    private static final class BaseDictionary
    {
        static final DialectDictionary INSTANCE = DialectDictionary.base(DialectDictionary.open(BASE_DICTIONARY));
    }

    /** @return the merged dialect dictionary, or null when the client speaks plain FIX 4.4. */
    public DialectDictionary dialect()
    {
        return dialect;
    }

    /** @return where the dialect overlay was loaded from, or null. */
    public String dialectLocation()
    {
        return dialectLocation;
    }

    /** @return the dictionary the session validates against, for operators. */
    public String dictionaryDescription()
    {
        return dialect == null ? "FIX.4.4" : dialect.beginString() + "+" + dialect.name();
    }

    private static String blankToNull(final String value)
    {
        return value == null || value.isBlank() ? null : value;
    }

    public int clientId()
    {
        return clientId;
    }

    public String clientCompId()
    {
        return clientCompId;
    }

    public String meridianCompId()
    {
        return meridianCompId;
    }

    public String username()
    {
        return username;
    }

    public String password()
    {
        return password;
    }

    public boolean hasCredentials()
    {
        return username != null || password != null;
    }

    public String toString()
    {
        return clientCompId + "->" + meridianCompId + "#" + clientId;
    }
}
