package io.meridian.systemtests.acceptance;

import io.meridian.gateway.ClientSessionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * QuickFIX/J's server-side acceptance scripts (FIX 4.2 and FIX 4.4) against Meridian's Artio acceptor
 * in the certification profile, one dynamic test per script. The two versions run side by side, each
 * against its own acceptor (the scripts of one version one after the other, as they share CompIDs).
 * A script listed in {@code quickfixj-acceptance/exclusions.txt} is reported as skipped with its
 * documented reason; every other script must pass. A summary table is printed at the end.
 * {@code -Dacceptance.scripts=<regex>} (matched against e.g. {@code fix44/2a_MsgSeqNumCorrect.def})
 * narrows a run while working on some scripts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickFixAcceptanceScriptsTest
{
    private static final String ROOT = "quickfixj-acceptance";
    private static final long VERSION_RUN_TIMEOUT_MINUTES = 10;

    private final Map<String, String> exclusions = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<List<ScriptResult>>> runs = new LinkedHashMap<>();

    /** What running one script gave: null failure when it passed; null tookMs when excluded. */
    record ScriptResult(String key, String failure, String exclusion, long tookMs)
    {
    }

    @BeforeAll
    void runScripts(@TempDir final Path dataDir) throws Exception
    {
        exclusions.putAll(AcceptanceExclusions.load(resource(ROOT + "/exclusions.txt")));
        runs.put("fix44", runVersion("fix44", ClientSessionConfig.FIX_4_4, dataDir.resolve("fix44")));
        runs.put("fix42", runVersion("fix42", ClientSessionConfig.FIX_4_2, dataDir.resolve("fix42")));
    }

    @AfterAll
    void printSummary()
    {
        final List<ScriptResult> all = new ArrayList<>();
        runs.values().forEach(run -> all.addAll(run.getNow(List.of())));
        final long passed = all.stream().filter(r -> r.exclusion() == null && r.failure() == null).count();
        final long failed = all.stream().filter(r -> r.exclusion() == null && r.failure() != null).count();
        final StringBuilder text = new StringBuilder("\nQuickFIX/J acceptance scripts against Meridian: ")
            .append(passed).append(" passed, ").append(failed).append(" failed, ")
            .append(all.size() - passed - failed).append(" excluded\n");
        for (final ScriptResult result : all)
        {
            if (result.exclusion() != null)
            {
                text.append(String.format("  EXCLUDED %-58s %s%n", result.key(), result.exclusion()));
            }
            else if (result.failure() == null)
            {
                text.append(String.format("  PASS     %-58s %6d ms%n", result.key(), result.tookMs()));
            }
            else
            {
                text.append(String.format("  FAIL     %-58s %s%n", result.key(), result.failure()));
            }
        }
        System.out.println(text);
    }

    @TestFactory
    Stream<DynamicTest> fix44() throws Exception
    {
        return report("fix44");
    }

    @TestFactory
    Stream<DynamicTest> fix42() throws Exception
    {
        return report("fix42");
    }

    @TestFactory
    Stream<DynamicTest> everyExclusionNamesAScriptAndAReason()
    {
        return exclusions.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () ->
        {
            assertThat(resource(ROOT + "/server/" + entry.getKey())).exists();
            assertThat(entry.getValue()).as("reason").hasSizeGreaterThan(20);
        }));
    }

    private Stream<DynamicTest> report(final String version) throws Exception
    {
        final List<ScriptResult> results = runs.get(version).get(VERSION_RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        return results.stream().map(result -> DynamicTest.dynamicTest(result.key(), () ->
        {
            if (result.exclusion() != null)
            {
                abort("excluded: " + result.exclusion());
            }
            if (result.failure() != null)
            {
                fail(result.key() + ": " + result.failure());
            }
        }));
    }

    private CompletableFuture<List<ScriptResult>> runVersion(
        final String version, final String beginString, final Path dataDir) throws Exception
    {
        final String only = System.getProperty("acceptance.scripts", ".*");
        final List<Path> files;
        try (Stream<Path> list = Files.list(resource(ROOT + "/server/" + version)))
        {
            files = list.filter(path -> path.toString().endsWith(".def"))
                .filter(path -> (version + "/" + path.getFileName()).matches(only))
                .sorted()
                .toList();
        }
        return CompletableFuture.supplyAsync(() ->
        {
            final List<ScriptResult> results = new ArrayList<>();
            try (CertificationAcceptor acceptor = new CertificationAcceptor(dataDir, beginString).start())
            {
                for (final Path file : files)
                {
                    results.add(runScript(acceptor, version + "/" + file.getFileName(), file));
                }
            }
            catch (final Exception e)
            {
                results.add(new ScriptResult(version, "acceptor failed: " + e, null, 0));
            }
            return results;
        });
    }

    private ScriptResult runScript(final CertificationAcceptor acceptor, final String key, final Path file)
        throws Exception
    {
        final String reason = exclusions.get(key);
        if (reason != null)
        {
            return new ScriptResult(key, null, reason, 0);
        }
        if (!acceptor.awaitFreshSession(10_000))
        {
            return new ScriptResult(key, "the previous script's session is still logged on or was not reset", null, 0);
        }
        final long startMs = System.currentTimeMillis();
        final String failure = AcceptanceScript.load(file).run(acceptor.port());
        return new ScriptResult(key, failure, null, System.currentTimeMillis() - startMs);
    }

    private static Path resource(final String name) throws URISyntaxException
    {
        return Path.of(QuickFixAcceptanceScriptsTest.class.getClassLoader().getResource(name).toURI());
    }
}
