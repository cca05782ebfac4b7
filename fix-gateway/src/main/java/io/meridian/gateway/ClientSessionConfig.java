package io.meridian.gateway;

/**
 * One buy-side client allowed to log on: its CompID, the CompID it must address Meridian as, the
 * FIX version it speaks (BeginString), and optional Logon credentials (Username 553 / Password 554)
 * checked when set.
 */
public final class ClientSessionConfig
{
    public static final String FIX_4_2 = "FIX.4.2";
    public static final String FIX_4_4 = "FIX.4.4";
    /** FIXT.1.1 session layer carrying FIX 5.0 SP2 application messages. */
    public static final String FIXT_1_1 = "FIXT.1.1";

    private final int clientId;
    private final String clientCompId;
    private final String meridianCompId;
    private final String username;
    private final String password;
    private final String beginString;

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
        final String version = blankToNull(beginString) == null ? FIX_4_4 : beginString.strip();
        if (!FIX_4_2.equals(version) && !FIX_4_4.equals(version) && !FIXT_1_1.equals(version))
        {
            throw new IllegalArgumentException("unsupported FIX version " + version + " for client " + clientCompId +
                " (one of " + FIX_4_2 + ", " + FIX_4_4 + ", " + FIXT_1_1 + ")");
        }
        this.beginString = version;
        this.clientId = clientId;
        this.clientCompId = clientCompId;
        this.meridianCompId = meridianCompId;
        this.username = blankToNull(username);
        this.password = blankToNull(password);
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

    /** The client's BeginString (8): FIX.4.2, FIX.4.4 or FIXT.1.1. */
    public String beginString()
    {
        return beginString;
    }

    public boolean hasCredentials()
    {
        return username != null || password != null;
    }

    public String toString()
    {
        return clientCompId + "->" + meridianCompId + "#" + clientId + "(" + beginString + ")";
    }
}
