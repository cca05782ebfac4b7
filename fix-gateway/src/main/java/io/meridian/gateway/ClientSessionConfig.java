package io.meridian.gateway;

/**
 * One buy-side client allowed to log on: its CompID, the CompID it must address Meridian as,
 * and optional Logon credentials (Username 553 / Password 554) checked when set.
 */
public final class ClientSessionConfig
{
    private final int clientId;
    private final String clientCompId;
    private final String meridianCompId;
    private final String username;
    private final String password;

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

    public boolean hasCredentials()
    {
        return username != null || password != null;
    }

    public String toString()
    {
        return clientCompId + "->" + meridianCompId + "#" + clientId;
    }
}
