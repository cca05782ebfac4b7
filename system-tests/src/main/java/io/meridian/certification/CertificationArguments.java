package io.meridian.certification;

import java.nio.file.Path;

/** Command-line parsing of the certification kit ({@code bin/certify}). */
final class CertificationArguments
{
    static final String USAGE = String.join("\n",
        "usage: bin/certify --host HOST --port PORT --sender COMPID --target COMPID [options]",
        "  --version FIX.4.4|FIX.4.2|FIXT.1.1  the client's FIX version (default FIX.4.4; FIXT = FIX 5.0 SP2)",
        "  --username U --password P        Logon credentials (553/554) when the instance checks them",
        "  --counterparty-sender COMPID     a second client CompID, for the resend-after-disconnect scenario",
        "  --counterparty-username U --counterparty-password P",
        "  --symbol S --price P --qty Q     instrument, a price inside the venue's spread, order size",
        "                                   (default AAPL 190.00 10)",
        "  --oversize-qty Q                 a quantity above the instrument's max order qty (default 1000000)",
        "  --heartbeat-s N                  HeartBtInt (default 2)",
        "  --timeout-ms N                   wait per expected message (default 10000)",
        "  --report FILE                    markdown report (default certification-report.md)",
        "exit code: 0 every scenario passed, 1 some failed, 2 bad arguments");

    private CertificationArguments()
    {
    }

    static CertificationOptions parse(final String[] args)
    {
        String host = null;
        String sender = null;
        String target = null;
        int port = -1;
        String version = "FIX.4.4";
        String username = null;
        String password = null;
        String cpSender = null;
        String cpUsername = null;
        String cpPassword = null;
        String symbol = "AAPL";
        String price = "190.00";
        String qty = "10";
        String oversize = "1000000";
        int heartbeat = 2;
        long timeoutMs = 10_000;
        Path report = Path.of("certification-report.md");
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg))
            {
                throw new IllegalArgumentException("help");
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            final String value = args[++i];
            switch (arg)
            {
                case "--host": host = value; break;
                case "--port": port = Integer.parseInt(value); break;
                case "--sender": sender = value; break;
                case "--target": target = value; break;
                case "--version": version = value; break;
                case "--username": username = value; break;
                case "--password": password = value; break;
                case "--counterparty-sender": cpSender = value; break;
                case "--counterparty-username": cpUsername = value; break;
                case "--counterparty-password": cpPassword = value; break;
                case "--symbol": symbol = value; break;
                case "--price": price = value; break;
                case "--qty": qty = value; break;
                case "--oversize-qty": oversize = value; break;
                case "--heartbeat-s": heartbeat = Integer.parseInt(value); break;
                case "--timeout-ms": timeoutMs = Long.parseLong(value); break;
                case "--report": report = Path.of(value); break;
                default: throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (host == null || port <= 0 || sender == null || target == null)
        {
            throw new IllegalArgumentException("--host, --port, --sender and --target are required");
        }
        if (!"FIX.4.4".equals(version) && !"FIX.4.2".equals(version) && !"FIXT.1.1".equals(version))
        {
            throw new IllegalArgumentException("--version must be FIX.4.4, FIX.4.2 or FIXT.1.1");
        }
        return new CertificationOptions(host, port, sender, target, version, username, password, cpSender, cpUsername,
            cpPassword, symbol, price, qty, oversize, heartbeat, timeoutMs, report);
    }
}
