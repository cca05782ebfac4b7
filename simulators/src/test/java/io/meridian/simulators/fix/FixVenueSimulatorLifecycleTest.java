package io.meridian.simulators.fix;

import static io.meridian.simulators.fix.FixTestClient.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.simulators.matching.Side;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

/** Start/stop hygiene, stores, session acceptance and concurrency of control calls with FIX traffic. */
@Timeout(60)
class FixVenueSimulatorLifecycleTest {

    private static FixVenueSimulatorConfig.Builder testConfig() {
        return FixVenueSimulatorConfig.builder().port(0).idPrefix("T");
    }

    @Test
    void stopReleasesThePortAndEndsItsThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        FixVenueSimulator venue = new FixVenueSimulator(testConfig().build()).start();
        int port = venue.port();
        try (FixTestClient client = FixTestClient.connect(port)) {
            client.send(limit("O1", "AAPL", quickfix.field.Side.BUY, "1", "180", TimeInForce.DAY));
            assertThat(client.next().getString(150)).isEqualTo("0");
        }
        venue.stop();
        venue.stop();

        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> leaked;
        do {
            Thread.sleep(50);
            leaked = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.getName().startsWith("QFJ Timer"))
                .map(Thread::getName).toList();
        } while (!leaked.isEmpty() && System.nanoTime() < deadline);
        assertThat(leaked).as("threads left after stop").isEmpty();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        assertThatThrownBy(venue::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fileStoreKeepsSessionFilesInTheGivenDirectory(@TempDir Path dir) throws Exception {
        try (FixVenueSimulator venue = new FixVenueSimulator(testConfig().fileStoreDir(dir).build()).start();
             FixTestClient client = FixTestClient.connect(venue.port())) {
            client.send(limit("O1", "AAPL", quickfix.field.Side.BUY, "1", "180", TimeInForce.DAY));
            assertThat(client.next().getString(150)).isEqualTo("0");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).anyMatch(name -> name.contains("VENUE-MERIDIAN"));
        }
    }

    @Test
    void acceptsAnyClientCompIdWhenConfigured() throws Exception {
        FixVenueSimulatorConfig config = testConfig().targetCompIds(List.of()).acceptAnyTargetCompId(true).build();
        try (FixVenueSimulator venue = new FixVenueSimulator(config).start();
             FixTestClient client = FixTestClient.connect(venue.port(), "DESK7", "fix/FIX44.xml")) {
            client.send(limit("O1", "AAPL", quickfix.field.Side.BUY, "1", "180", TimeInForce.DAY));
            Message ack = client.next();
            assertThat(ack.getString(150)).isEqualTo("0");
            assertThat(ack.getHeader().getString(56)).isEqualTo("DESK7");
        }
    }

    @Test
    void controlCallsInterleaveSafelyWithClientOrders() throws Exception {
        int orders = 100;
        try (FixVenueSimulator venue = new FixVenueSimulator(testConfig().build()).start();
             FixTestClient client = FixTestClient.connect(venue.port())) {
            VenueControl control = venue.control();
            control.clearBook("ETH-USD");
            CompletableFuture<Void> house = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < orders; i++) {
                    control.addLiquidity("ETH-USD", Side.SELL, "1", "3500");
                }
            });
            for (int i = 0; i < orders; i++) {
                client.send(limit("O" + i, "ETH-USD", quickfix.field.Side.BUY, "1", "3500", TimeInForce.GOOD_TILL_CANCEL));
            }
            house.get();

            Map<String, List<String>> byOrder = new HashMap<>();
            for (int i = 0; i < 2 * orders; i++) {
                Message report = client.next();
                byOrder.computeIfAbsent(report.getString(11), k -> new ArrayList<>())
                    .add(report.getString(150) + "/" + report.getString(39));
            }
            assertThat(byOrder).hasSize(orders);
            assertThat(byOrder.values().stream().collect(Collectors.toSet())).containsExactly(List.of("0/0", "F/2"));
            assertThat(control.book("ETH-USD").bids()).isEmpty();
            assertThat(control.book("ETH-USD").asks()).isEmpty();
            assertThat(control.counters().newOrders()).isEqualTo(orders);
            assertThat(control.counters().executionReports()).isEqualTo(2L * orders);
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        FixVenueSimulatorConfig defaults = FixVenueSimulatorConfig.defaults();

        assertThat(defaults.port()).isEqualTo(9880);
        assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(defaults.senderCompId()).isEqualTo("VENUE");
        assertThat(defaults.targetCompIds()).containsExactly("MERIDIAN");
        assertThat(defaults.acceptAnyTargetCompId()).isFalse();
        assertThat(defaults.fileStoreDir()).isEmpty();
        assertThat(defaults.dataDictionary()).isEqualTo("fix/FIX44.xml");
        assertThat(defaults.decimals()).isEqualTo(8);
        assertThat(defaults.seedBook().symbols()).containsExactly("AAPL", "MSFT", "BTC-USD", "ETH-USD");
        assertThat(defaults.seedBook().orders()).hasSize(24);
    }

    @Test
    void mainParsesItsCommandLine() {
        FixVenueSimulatorConfig config = FixVenueSimulatorMain.parse(
            "--port", "0", "--sender-comp-id", "X", "--target-comp-id", "A, B", "--accept-any-target-comp-id",
            "--heartbeat", "5", "--bind-address", "0.0.0.0");

        assertThat(config.port()).isZero();
        assertThat(config.senderCompId()).isEqualTo("X");
        assertThat(config.targetCompIds()).containsExactly("A", "B");
        assertThat(config.acceptAnyTargetCompId()).isTrue();
        assertThat(config.heartbeatSeconds()).isEqualTo(5);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> FixVenueSimulatorMain.parse("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixVenueSimulatorMain.parse("--nope", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
