package io.meridian.systemtests;

import io.meridian.admin.InstrumentSettings;
import io.meridian.admin.RouterSettings;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import quickfix.field.TimeInForce;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * The console in a real browser: the distribution's headless Chromium, driven by Selenium through
 * its chromedriver, against a real Meridian with a FIX client and the venue simulator. Logs in,
 * watches an order arrive and fill through the live feed (no reload) and reads its ExecutionReport
 * history in its detail, engages the kill switch as
 * operator and sees an order refused, and is refused as viewer. Screenshots:
 * {@code system-tests/target/console-screenshots/}. Skipped only where Chromium is not installed
 * outside CI ({@code .ci/run} installs it; under CI=true a missing browser fails).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ConsoleBrowserSystemTest
{
    private static final String ROUTED = "AAPL@SOR";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private FixVenueSimulator venue;
    private MeridianTestServer meridian;
    private TestFixClient client;
    private WebDriver browser;

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        final boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI")))
        {
            throw new AssertionError("CI must install chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
        // AAPL@SOR: a routed instrument over the venue's AAPL, whose book Meridian follows by FIX market data
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port())
            .fixVenueMarketData(List.of(new InstrumentSettings(ROUTED, RouterSettings.DEFAULT_VENUE_NAME, 4, 0,
                new BigDecimal("190.00"), new BigDecimal("100000"), new BigDecimal("5000000"), 1000)))
            .router(new RouterSettings(RouterSettings.DEFAULT_VENUE_NAME, Map.of(ROUTED, List.of("AAPL")), Map.of()))
            // the session's limits, for the risk page
            .risk(new io.meridian.admin.RiskSettings(List.of(new io.meridian.admin.RiskSettings.ScopeSettings(
                io.meridian.risk.RiskScope.Kind.SESSION, MeridianTestServer.CLIENT, new io.meridian.admin.LimitSettings(
                    500, 100, null, null, null, Map.of("AAPL", new BigDecimal("10000")), null))),
                java.time.LocalTime.MIDNIGHT, Duration.ofSeconds(1), Duration.ofSeconds(5)))
            .start().awaitVenueConnected();
        client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client")).start().awaitLogon();
        Files.createDirectories(SCREENSHOTS);

        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        final org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // as root on a closed network: no sandbox, no background connections (they are refused here)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + dir.resolve("chromium-profile"));
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop()
    {
        if (browser != null)
        {
            browser.quit();
        }
        if (client != null)
        {
            client.close();
        }
        if (meridian != null)
        {
            meridian.close();
        }
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void operatorSeesOrdersLiveAndEngagesTheKillSwitchWhichAViewerCannot() throws Exception
    {
        try
        {
            walkThrough();
        }
        catch (final Exception | AssertionError e)
        {
            screenshot("99-failure");
            browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                .forEach(entry -> System.out.println("BROWSER " + entry));
            throw e;
        }
    }

    private void walkThrough() throws Exception
    {
        // the console re-renders its tables on every live update: an element found a moment ago may be gone, so
        // every read and click of a live element is retried inside a wait that ignores stale references
        final WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(meridian.baseUri() + "/");
        login(wait, "operator");
        screenshot("01-sessions");
        assertThat(browser.findElement(By.id("venues")).getText()).contains("SIMVENUE");

        browser.findElement(By.cssSelector("a[data-page=orders]")).click();
        final String id = nextClOrdId("browser");
        client.send(limit(id, BUY, "100", "AAPL", "190.00", TimeInForce.DAY));
        client.await("New", report(id, '0'));
        final By row = By.xpath("//table[@id='orders']//tr[td[3][text()='" + id + "']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "NEW"));
        screenshot("02-order-new");

        venue.control().addLiquidity("AAPL", Side.SELL, "100", "190.00");
        client.await("fill", report(id, 'F'));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "FILLED"));
        click(wait, row);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-detail"), "FILLED"));
        // its ExecutionReport history, as the client got it: PendingNew, New, Fill (the detail refreshes itself
        // should the store not have the fill's report yet)
        final By history = By.cssSelector("#order-reports tbody tr");
        final List<List<String>> reports = wait.until(driver ->
        {
            final List<List<String>> rows = driver.findElements(history).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
            return rows.size() == 3 ? rows : null;
        });
        assertThat(reports).extracting(r -> r.get(0)).containsExactly("1", "2", "3");
        assertThat(reports).extracting(r -> r.get(1)).containsExactly("PENDING_NEW", "NEW", "TRADE");
        assertThat(reports).extracting(r -> r.get(2)).containsExactly("PENDING_NEW", "NEW", "FILLED");
        assertThat(reports).allSatisfy(r -> assertThat(r.get(4)).isEqualTo(id));
        final List<String> trade = reports.get(2);
        assertThat(new BigDecimal(trade.get(6))).isEqualByComparingTo("100");
        assertThat(new BigDecimal(trade.get(7))).isEqualByComparingTo("190.00");
        assertThat(trade.get(8)).isEqualTo("SIMVENUE");
        assertThat(new BigDecimal(trade.get(10))).isEqualByComparingTo("0");
        assertThat(browser.findElement(By.id("order-detail")).getText()).contains("ExecutionReport history");
        screenshot("03-order-filled-detail");
        scrollTo(wait, By.id("order-reports"));
        screenshot("03b-order-report-history");

        browser.findElement(By.cssSelector("a[data-page=risk]")).click();
        browser.findElement(By.id("kill-switch")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kill-badge")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-message"), "Kill switch engaged"));
        assertThat(meridian.server().halts().killSwitchEngaged()).isTrue();
        final String refused = nextClOrdId("killed");
        client.send(limit(refused, BUY, "10", "AAPL", "190.00", TimeInForce.DAY));
        assertThat(field(client.await("kill switch reject", report(refused, '8')), 58)).contains("kill switch");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rejects"), "KILL_SWITCH"));
        // the halts and the session's limits and usage: its filled order is a position
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("halts"), "ENGAGED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("risk"), "session " + MeridianTestServer.CLIENT));
        assertThat(browser.findElement(By.id("risk")).getText()).contains("maxOpenOrders=500", "maxOrdersPerSecond=100",
            "AAPL 100");
        screenshot("04-kill-switch-engaged");
        browser.findElement(By.id("kill-release")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-message"), "Kill switch released"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kill-badge")));
        assertThat(meridian.server().halts().killSwitchEngaged()).isFalse();

        browser.findElement(By.id("logout")).click();
        login(wait, "viewer");
        browser.findElement(By.cssSelector("a[data-page=risk]")).click();
        browser.findElement(By.id("kill-switch")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-message"), "Refused (403)"));
        assertThat(meridian.server().halts().killSwitchEngaged()).isFalse();
        screenshot("05-viewer-refused");

        browser.findElement(By.cssSelector("a[data-page=reconciliation]")).click();
        // the reconciliation summary (GET /reconciliation) and the drift events (GET /drift-events: none here)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-reconciliation"), "openDriftEvents"));
        assertThat(browser.findElement(By.id("drift-events")).getText()).isEqualTo("None.");
        screenshot("06-reconciliation");

        browser.findElement(By.cssSelector("a[data-page=latency]")).click();
        // the orders above were sent and acknowledged: each latency row counts them, live from the feed
        final By tickToTrade = By.xpath("//table[@id='latency']//tr[td[1][text()='tick-to-trade']]");
        final By venueAck = By.xpath("//table[@id='latency']//tr[td[1][text()='venue ack'] and td[2][text()='SIMVENUE']]");
        wait.until(driver -> Long.parseLong(cells(driver, tickToTrade).get(2)) >= 1);
        final List<String> ack = wait.until(driver ->
        {
            final List<String> cells = cells(driver, venueAck);
            return Long.parseLong(cells.get(2)) >= 1 ? cells : null;
        });
        assertThat(Double.parseDouble(ack.get(7))).as("max venue ack latency, us").isPositive();
        screenshot("07-latency");

        // a routed order: its detail shows the cost analysis, child by child, and the day's summary counts it
        browser.findElement(By.cssSelector("a[data-page=orders]")).click();
        venue.control().addLiquidity("AAPL", Side.SELL, "50", "190.00");
        final int aapl = meridian.server().instruments().bySymbol("AAPL").id();
        final io.meridian.oms.api.DepthSnapshot book = new io.meridian.oms.api.DepthSnapshot(20);
        wait.until(driver -> meridian.server().depthBooks().read(aapl, book) && book.asks() > 0);
        final String routed = nextClOrdId("routed");
        client.send(limit(routed, BUY, "50", ROUTED, "190.00", TimeInForce.IMMEDIATE_OR_CANCEL));
        client.await("routed fill", report(routed, 'F'));
        final By routedRow = By.xpath("//table[@id='orders']//tr[td[3][text()='" + routed + "']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(routedRow, "FILLED"));
        click(wait, routedRow);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-detail"), "Cost analysis"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tca-children"), "SIMVENUE"));
        scrollTo(wait, By.id("tca-children"));
        screenshot("08-routed-order-cost-analysis");
    }

    private static void click(final WebDriverWait wait, final By element)
    {
        wait.until(driver ->
        {
            driver.findElement(element).click();
            return true;
        });
    }

    private static void scrollTo(final WebDriverWait wait, final By element)
    {
        wait.until(driver ->
        {
            ((org.openqa.selenium.JavascriptExecutor)driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(element));
            return true;
        });
    }

    private static List<String> cells(final WebDriver driver, final By row)
    {
        return driver.findElement(row).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private void login(final WebDriverWait wait, final String user)
    {
        final WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(MeridianTestServer.ADMIN_PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), user + " (" + user + ")"));
        // the live feed has delivered a snapshot
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("updated"), "updated"));
    }

    private void screenshot(final String name) throws Exception
    {
        final File file = ((TakesScreenshot)browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
