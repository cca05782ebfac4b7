package io.meridian.systemtests;

import io.meridian.certification.CertificationKit;
import io.meridian.certification.CertificationKit.Outcome;
import io.meridian.certification.CertificationKit.ScenarioResult;
import io.meridian.certification.CertificationOptions;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client certification kit against an in-process Meridian (venue simulator with empty books:
 * the kit crosses its own orders): every scenario passes for a FIX 4.4 client, and all but the
 * counterparty one (skipped) for a FIX 4.2 and a FIXT.1.1 / FIX 5.0 SP2 client; a
 * run with a deliberately wrong expectation fails, so the checker can fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class CertificationKitSystemTest
{
    private Path dir;
    private FixVenueSimulator venue;
    private MeridianTestServer meridian;

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        this.dir = dir;
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start().awaitVenueConnected();
    }

    @AfterAll
    void stop()
    {
        if (meridian != null)
        {
            meridian.close();
        }
        if (venue != null)
        {
            venue.close();
        }
    }

    private CertificationOptions options(final String sender, final String report)
    {
        final CertificationOptions defaults =
            CertificationOptions.defaults("localhost", meridian.fixPort(), sender, "MERIDIAN");
        return new CertificationOptions(defaults.host(), defaults.port(), sender, "MERIDIAN", "FIX.4.4", null, null,
            MeridianTestServer.SECURE_CLIENT, MeridianTestServer.SECURE_USER, MeridianTestServer.SECURE_PASSWORD,
            "AAPL", "190.00", "10", "1000000", 1, 10_000, dir.resolve(report));
    }

    @Test
    void everyScenarioPassesForAFix44Client() throws Exception
    {
        final CertificationOptions options = options(MeridianTestServer.CLIENT, "fix44.md");
        final List<ScenarioResult> results = new CertificationKit(options).run();

        assertThat(results).as(Files.readString(options.report()))
            .hasSize(16)
            .allSatisfy(result -> assertThat(result.outcome()).as(result.name() + ": " + result.detail())
                .isEqualTo(Outcome.PASS));
        assertThat(CertificationKit.allPassed(results)).isTrue();
        assertThat(Files.readString(options.report()))
            .contains("**PASSED** (16 passed, 0 failed, 0 skipped)")
            .contains("| resend-after-disconnect | PASS |")
            .contains("| limit-order-partial-fills | PASS |");
    }

    @Test
    void everyScenarioButTheCounterpartyOnePassesForFix42AndFixtClients() throws Exception
    {
        assertPassesWithoutCounterparty(MeridianTestServer.FIX42_CLIENT, "FIX.4.2");
        assertPassesWithoutCounterparty(MeridianTestServer.FIXT_CLIENT, "FIXT.1.1");
    }

    private void assertPassesWithoutCounterparty(final String sender, final String version) throws Exception
    {
        final CertificationOptions options = options(sender, version + ".md")
            .withVersion(version).withCounterparty(null, null, null).withInstrument("MSFT", "420.00", "10", "1000000");
        final List<ScenarioResult> results = new CertificationKit(options).run();

        assertThat(results).as(Files.readString(options.report()))
            .filteredOn(result -> !result.name().equals("resend-after-disconnect"))
            .allSatisfy(result -> assertThat(result.outcome()).as(result.name() + ": " + result.detail())
                .isEqualTo(Outcome.PASS));
        assertThat(results).filteredOn(result -> result.name().equals("resend-after-disconnect"))
            .extracting(ScenarioResult::outcome).containsExactly(Outcome.SKIP);
        assertThat(CertificationKit.allPassed(results)).isTrue();
    }

    @Test
    void aDeliberatelyWrongExpectationFails() throws Exception
    {
        // "oversize" 5 is within the instrument's limits: the risk-reject scenario must fail
        final CertificationOptions options = options(MeridianTestServer.CLIENT, "broken.md")
            .withCounterparty(null, null, null).withInstrument("BTC-USD", "65000.00", "0.5", "5");
        final List<ScenarioResult> results = new CertificationKit(options).run();

        assertThat(results).filteredOn(result -> result.outcome() == Outcome.FAIL)
            .extracting(ScenarioResult::name).containsExactly("risk-reject-max-order-qty");
        assertThat(CertificationKit.allPassed(results)).isFalse();
        assertThat(Files.readString(options.report())).contains("**FAILED**")
            .contains("| risk-reject-max-order-qty | FAIL | no ExecutionReport Rejected");
    }
}
