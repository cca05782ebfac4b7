package io.meridian.certification;

import java.nio.file.Path;

/**
 * What the certification kit connects to and trades: the Meridian test instance's address and
 * CompIDs, the client's FIX version, and the instrument, price and quantities the scenarios use.
 * The price should lie inside the venue's spread (or the book be empty there): the kit provides
 * its own liquidity by crossing its own orders at that price.
 *
 * @param counterpartySender a second client CompID of the same instance, used only by the
 *                           resend-after-disconnect scenario to trade while the kit is logged out
 *                           (null: that scenario is skipped).
 */
public record CertificationOptions(
    String host,
    int port,
    String senderCompId,
    String targetCompId,
    String beginString,
    String username,
    String password,
    String counterpartySender,
    String counterpartyUsername,
    String counterpartyPassword,
    String symbol,
    String price,
    String qty,
    String oversizeQty,
    int heartbeatSeconds,
    long timeoutMs,
    Path report)
{
    /** Defaults for everything but the address and CompIDs. */
    public static CertificationOptions defaults(
        final String host, final int port, final String senderCompId, final String targetCompId)
    {
        return new CertificationOptions(host, port, senderCompId, targetCompId, "FIX.4.4", null, null, null, null,
            null, "AAPL", "190.00", "10", "1000000", 2, 10_000, Path.of("certification-report.md"));
    }

    public CertificationOptions withVersion(final String beginString)
    {
        return new CertificationOptions(host, port, senderCompId, targetCompId, beginString, username, password,
            counterpartySender, counterpartyUsername, counterpartyPassword, symbol, price, qty, oversizeQty,
            heartbeatSeconds, timeoutMs, report);
    }

    public CertificationOptions withCredentials(final String username, final String password)
    {
        return new CertificationOptions(host, port, senderCompId, targetCompId, beginString, username, password,
            counterpartySender, counterpartyUsername, counterpartyPassword, symbol, price, qty, oversizeQty,
            heartbeatSeconds, timeoutMs, report);
    }

    public CertificationOptions withCounterparty(final String sender, final String username, final String password)
    {
        return new CertificationOptions(host, port, senderCompId, targetCompId, beginString, this.username,
            this.password, sender, username, password, symbol, price, qty, oversizeQty, heartbeatSeconds, timeoutMs,
            report);
    }

    public CertificationOptions withInstrument(final String symbol, final String price, final String qty,
        final String oversizeQty)
    {
        return new CertificationOptions(host, port, senderCompId, targetCompId, beginString, username, password,
            counterpartySender, counterpartyUsername, counterpartyPassword, symbol, price, qty, oversizeQty,
            heartbeatSeconds, timeoutMs, report);
    }

    public CertificationOptions withReport(final Path report)
    {
        return new CertificationOptions(host, port, senderCompId, targetCompId, beginString, username, password,
            counterpartySender, counterpartyUsername, counterpartyPassword, symbol, price, qty, oversizeQty,
            heartbeatSeconds, timeoutMs, report);
    }
}
