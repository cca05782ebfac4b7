package io.meridian.gateway;

import io.meridian.fix.dialect.DialectDictionary;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One buy-side client allowed to log on: its CompID, the CompID it must address Meridian as, the
 * FIX version it speaks (BeginString), optional Logon credentials (Username 553 / Password 554)
 * checked when set, and optionally a dialect overlay its messages are validated against and the
 * tags of its orders carried to the venue; an ops session (FIX 4.4) may also engage and release the kill
 * switch by OrderMassCancelRequest.
 */
public final class ClientSessionConfig
{
    public static final String FIX_4_2 = "FIX.4.2";
    public static final String FIX_4_4 = "FIX.4.4";
    /** FIXT.1.1 session layer carrying FIX 5.0 SP2 application messages. */
    public static final String FIXT_1_1 = "FIXT.1.1";

    private static final Map<String, DialectDictionary> BASE_DICTIONARIES = new ConcurrentHashMap<>();

    private final int clientId;
    private final String clientCompId;
    private final String meridianCompId;
    private final String username;
    private final String password;
    private final String beginString;
    private final DialectDictionary dialect;
    private final DialectDictionary validation;
    private final int[] carryTags;
    private final boolean ops;

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
        this(clientId, clientCompId, meridianCompId, username, password, FIX_4_4);
    }

    /**
     * @param beginString the client's FIX version: {@link #FIX_4_2}, {@link #FIX_4_4} or {@link #FIXT_1_1}
     *                    (null or blank: FIX 4.4).
     */
    public ClientSessionConfig(
        final int clientId, final String clientCompId, final String meridianCompId, final String username,
        final String password, final String beginString)
    {
        this(clientId, clientCompId, meridianCompId, username, password, version(beginString, clientCompId),
            null, null, new int[0], false);
    }

    private ClientSessionConfig(
        final int clientId, final String clientCompId, final String meridianCompId, final String username,
        final String password, final String beginString, final DialectDictionary dialect,
        final DialectDictionary validation, final int[] carryTags, final boolean ops)
    {
        this.clientId = clientId;
        this.clientCompId = clientCompId;
        this.meridianCompId = meridianCompId;
        this.username = blankToNull(username);
        this.password = blankToNull(password);
        this.beginString = beginString;
        this.dialect = dialect;
        // loaded here, at configuration, not on the library thread when the client logs on
        this.validation = validation != null ? validation : DialectDictionary.full(beginString);
        this.carryTags = carryTags;
        this.ops = ops;
    }

    private static String version(final String beginString, final String clientCompId)
    {
        final String version = blankToNull(beginString) == null ? FIX_4_4 : beginString.strip();
        if (!FIX_4_2.equals(version) && !FIX_4_4.equals(version) && !FIXT_1_1.equals(version))
        {
            throw new IllegalArgumentException("unsupported FIX version " + version + " for client " + clientCompId +
                " (one of " + FIX_4_2 + ", " + FIX_4_4 + ", " + FIXT_1_1 + ")");
        }
        return version;
    }

    private static String blankToNull(final String value)
    {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * @param location the client's dialect overlay, {@code classpath:fix/dialects/...} or a file path, merged onto
     *                 the base dictionary of the client's FIX version (FIX 4.2 or 4.4); blank for none.
     * @return a copy whose application messages are validated against the merged dictionary.
     * @throws IllegalArgumentException for a FIXT.1.1 client (its dictionary is split in two; not supported yet).
     */
    public ClientSessionConfig withDialect(final String location)
    {
        if (location == null || location.isBlank())
        {
            return this;
        }
        if (FIXT_1_1.equals(beginString))
        {
            throw new IllegalArgumentException(
                "client " + clientCompId + ": dialects are supported on FIX.4.2 and FIX.4.4 sessions, not FIXT.1.1");
        }
        final DialectDictionary merged = DialectDictionary.merge(
            DialectDictionary.open(baseDictionaryLocation(beginString)), DialectDictionary.open(location));
        final DialectDictionary validation = DialectDictionary.fullWith(beginString, DialectDictionary.open(location));
        return new ClientSessionConfig(
            clientId, clientCompId, meridianCompId, username, password, beginString, merged, validation, carryTags, ops);
    }

    /**
     * @param tags fields of the client's NewOrderSingle and OrderCancelReplaceRequest that travel unchanged to
     *             the venue (dialect fields the venue expects, e.g. a strategy or desk tag).
     * @return a copy that carries them.
     */
    public ClientSessionConfig withCarryTags(final int... tags)
    {
        return new ClientSessionConfig(
            clientId, clientCompId, meridianCompId, username, password, beginString, dialect, validation, tags.clone(),
            ops);
    }

    /**
     * @param ops whether the session is authorised to engage and release the kill switch by
     *            OrderMassCancelRequest (35=q); FIX 4.4 sessions without a dialect only (the dictionary that
     *            carries Meridian's kill switch fields).
     * @return a copy with the authorisation.
     * @throws IllegalArgumentException for an ops session on another FIX version or with a dialect.
     */
    public ClientSessionConfig withOps(final boolean ops)
    {
        if (ops && (!FIX_4_4.equals(beginString) || dialect != null))
        {
            throw new IllegalArgumentException("client " + clientCompId + ": an ops session must speak plain " + FIX_4_4);
        }
        return new ClientSessionConfig(
            clientId, clientCompId, meridianCompId, username, password, beginString, dialect, validation, carryTags, ops);
    }

    /** @return whether the session may engage and release the kill switch (OrderMassCancelRequest). */
    public boolean ops()
    {
        return ops;
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

    /** The client's BeginString (8): FIX.4.2, FIX.4.4 or FIXT.1.1. */
    public String beginString()
    {
        return beginString;
    }

    public boolean hasCredentials()
    {
        return username != null || password != null;
    }

    /** @return the merged dialect dictionary, or null when the client speaks its plain FIX version. */
    public DialectDictionary dialect()
    {
        return dialect;
    }

    /**
     * @return the dictionary every inbound message of the session is validated against: the full dictionary
     * of its FIX version, with the dialect's overlay when it has one.
     */
    public DialectDictionary validationDictionary()
    {
        return validation;
    }

    /** @return the dictionary the session validates against, for operators: e.g. FIX.4.4 or FIX.4.4+ACME. */
    public String dictionaryDescription()
    {
        return dialect == null ? beginString : beginString + "+" + dialect.name();
    }

    /** @return tags carried from the client's orders to the venue; empty when none. */
    public int[] carryTags()
    {
        return carryTags.clone();
    }

    /** @return the tags this client's dictionary allows on an ExecutionReport. */
    public Set<Integer> executionReportTags()
    {
        final DialectDictionary dictionary = dialect != null ? dialect : baseDictionary(beginString);
        final Set<Integer> tags = new HashSet<>(dictionary.headerAndTrailerTags());
        tags.addAll(dictionary.messages().get("8").fields().keySet());
        return tags;
    }

    /**
     * @return where the QuickFIX-format dictionary of the client's version is, for {@link DialectDictionary#open}
     * (for FIXT.1.1, its FIX 5.0 SP2 application messages).
     */
    public String baseDictionaryLocation()
    {
        return baseDictionaryLocation(beginString);
    }

    private static String baseDictionaryLocation(final String beginString)
    {
        switch (beginString)
        {
            case FIX_4_2: return "classpath:fix/FIX42.xml";
            case FIXT_1_1: return "classpath:fix/FIX50SP2.xml";
            default: return "classpath:fix/FIX44.xml";
        }
    }

    private static DialectDictionary baseDictionary(final String beginString)
    {
        return BASE_DICTIONARIES.computeIfAbsent(
            beginString, version -> DialectDictionary.base(DialectDictionary.open(baseDictionaryLocation(version))));
    }

    public String toString()
    {
        return clientCompId + "->" + meridianCompId + "#" + clientId + "(" + dictionaryDescription() + ")" +
            (ops ? "[ops]" : "");
    }
}
