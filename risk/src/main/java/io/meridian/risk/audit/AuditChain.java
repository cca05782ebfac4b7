package io.meridian.risk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit journal's record format: one line per record,
 * {@code <seq> TAB <body> TAB <previous record's hash> TAB <hash>}, where the body is one JSON object
 * (JSON escapes tabs and newlines, so the separators cannot occur in it), the first record's previous
 * hash is {@link #GENESIS}, and the hash is SHA-256, hex, over {@code <seq> TAB <body> TAB <prev>}.
 * Changing, removing or reordering any byte of any record breaks the chain from that record on.
 */
public final class AuditChain
{
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    static final char SEPARATOR = '\t';

    private final MessageDigest sha256;

    public AuditChain()
    {
        try
        {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** @return the hash of a record: SHA-256 hex over {@code seq TAB body TAB prev}. */
    public String hash(final long seq, final String body, final String prevHash)
    {
        sha256.reset();
        sha256.update((seq + "\t" + body + "\t" + prevHash).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** @return the full line of a record, without its newline. */
    public String line(final long seq, final String body, final String prevHash)
    {
        if (body.indexOf('\t') >= 0 || body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0)
        {
            throw new IllegalArgumentException("an audit body is one line without tabs (JSON escapes them)");
        }
        return seq + "\t" + body + "\t" + prevHash + "\t" + hash(seq, body, prevHash);
    }
}
