package io.meridian.risk.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an audit journal's hash chain from its first record and names the first broken one, then the
 * order journal's ranges its anchors cover ({@link JournalAnchor}):
 * {@code bin/meridian-audit verify <data-dir>/audit.log} (or the data directory). Exit code 0 when the
 * chain holds, 1 when it is broken, 2 on a usage or read error.
 */
public final class AuditVerifier
{
    /** What a verification found. */
    public record Result(long records, String lastHash, long firstBrokenLine, String problem, boolean tornTail)
    {
        public boolean ok()
        {
            return problem == null;
        }

        public String describe()
        {
            return ok() ?
                "OK: " + records + " records, chain intact, last hash " + lastHash +
                    (tornTail ? " (an incomplete last line, cut by a crash while it was written, is ignored)" : "") :
                "BROKEN at line " + firstBrokenLine + ": " + problem + " (" + records + " records verified before it)";
        }
    }

    private AuditVerifier()
    {
    }

    public static Result verify(final Path file) throws IOException
    {
        final String content = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        final AuditChain chain = new AuditChain();
        String prev = AuditChain.GENESIS;
        long records = 0;
        int lineStart = 0;
        long lineNumber = 0;
        while (lineStart < content.length())
        {
            lineNumber++;
            final int end = content.indexOf('\n', lineStart);
            if (end < 0)
            {
                // the writer ends every record with a newline and syncs it: a last line without one was
                // being written when the process died
                return new Result(records, prev, 0, null, true);
            }
            final String line = content.substring(lineStart, end);
            lineStart = end + 1;
            final String problem = check(chain, line, records + 1, prev);
            if (problem != null)
            {
                return new Result(records, prev, lineNumber, problem, false);
            }
            prev = line.substring(line.lastIndexOf('\t') + 1);
            records++;
        }
        return new Result(records, prev, 0, null, false);
    }

    private static final java.util.regex.Pattern ANCHOR = java.util.regex.Pattern.compile(
        "\"segment\":(\\d+),\"from\":(\\d+),\"to\":(\\d+),\"records\":\\d+,\"sha256\":\"([0-9a-f]{64})\"");

    /**
     * The chain, then every journal anchor in it against the order journal beside the audit journal
     * ({@code <data-dir>/journal}): a changed order event or risk decision is named by segment and range.
     */
    public static Result verifyWithJournal(final Path file) throws IOException
    {
        final Result chain = verify(file);
        if (!chain.ok())
        {
            return chain;
        }
        final Path journalDir = file.toAbsolutePath().getParent().resolve("journal");
        long lineNumber = 0;
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
        {
            lineNumber++;
            if (!line.contains("\"action\":\"ANCHOR /journal\""))
            {
                continue;
            }
            final java.util.regex.Matcher m = ANCHOR.matcher(line);
            if (!m.find())
            {
                return new Result(chain.records(), chain.lastHash(), lineNumber, "a journal anchor without its range", false);
            }
            final int segment = Integer.parseInt(m.group(1));
            final long from = Long.parseLong(m.group(2));
            final long to = Long.parseLong(m.group(3));
            String actual;
            try
            {
                actual = JournalAnchor.sha256(journalDir, segment, from, to);
            }
            catch (final IOException e)
            {
                actual = "unreadable (" + e.getMessage() + ")";
            }
            if (!actual.equals(m.group(4)))
            {
                return new Result(chain.records(), chain.lastHash(), lineNumber, "order journal segment " + segment +
                    " bytes [" + from + ", " + to + ") do not match their anchor: " + actual + " != " + m.group(4) +
                    " (an order event or risk decision was changed)", false);
            }
        }
        return chain;
    }

    private static String check(final AuditChain chain, final String line, final long expectedSeq, final String prev)
    {
        final int first = line.indexOf('\t');
        final int last = line.lastIndexOf('\t');
        final int beforeLast = last <= 0 ? -1 : line.lastIndexOf('\t', last - 1);
        if (first < 0 || beforeLast <= first)
        {
            return "not a record (seq, body, previous hash and hash separated by tabs)";
        }
        final long seq;
        try
        {
            seq = Long.parseLong(line.substring(0, first));
        }
        catch (final NumberFormatException e)
        {
            return "sequence number '" + line.substring(0, first) + "' is not a number";
        }
        if (seq != expectedSeq)
        {
            return "sequence number " + seq + " where " + expectedSeq + " was due (a record removed, added or moved)";
        }
        final String body = line.substring(first + 1, beforeLast);
        final String recordPrev = line.substring(beforeLast + 1, last);
        final String hash = line.substring(last + 1);
        if (!recordPrev.equals(prev))
        {
            return "record " + seq + " names previous hash " + recordPrev + " but the previous record's hash is " + prev;
        }
        if (!chain.hash(seq, body, recordPrev).equals(hash))
        {
            return "record " + seq + "'s hash does not match its content (the record was changed)";
        }
        return null;
    }

    public static void main(final String[] args)
    {
        if (args.length != 2 || !"verify".equals(args[0]))
        {
            System.err.println("usage: meridian-audit verify <data-dir | audit.log>");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        if (Files.isDirectory(file))
        {
            file = file.resolve(AuditJournal.FILE_NAME);
        }
        try
        {
            if (!Files.exists(file))
            {
                System.err.println("no audit journal at " + file);
                System.exit(2);
            }
            final Result result = verifyWithJournal(file);
            System.out.println(file + ": " + result.describe());
            System.exit(result.ok() ? 0 : 1);
        }
        catch (final IOException e)
        {
            System.err.println("cannot read " + file + ": " + e);
            System.exit(2);
        }
    }
}
