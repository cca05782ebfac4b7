package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.simulators.net.ControlServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standalone command line, and the OKX simulator behind the shared control endpoint. */
class OkxSimulatorMainTest {

    @Test
    void parsesOptionsWithDefaults() {
        OkxSimulatorMain.Options defaults = OkxSimulatorMain.parse(new String[0]);
        assertThat(defaults.port()).isEqualTo(8443);
        assertThat(defaults.seed()).isEqualTo(1);
        OkxSimulatorMain.Options given = OkxSimulatorMain.parse(new String[] {"--port", "0", "--seed", "9", "--control-port", "7001"});
        assertThat(given.port()).isZero();
        assertThat(given.seed()).isEqualTo(9);
        assertThat(given.controlPort()).isEqualTo(7001);
        assertThatThrownBy(() -> OkxSimulatorMain.parse(new String[] {"--seed", "x"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OkxSimulatorMain.parse(new String[] {"--bogus", "1"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsInjectedThroughTheControlEndpointReachOkxClients() throws Exception {
        try (OkxSimulator simulator = OkxSimulator.start(OkxSimulatorMain.parse(new String[] {"--port", "0", "--maker-step-ms", "0"}).config());
             ControlServer control = ControlServer.start(List.of(simulator), "127.0.0.1", 0)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> injected = http.send(HttpRequest.newBuilder(URI.create(control.url() + "/faults/okx"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"MAINTENANCE\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(injected.statusCode()).isBetween(200, 299);
            OkxRestClient client = OkxSimulatorTradingTest.clientFor(simulator, 0);
            assertThat(client.time().code()).isEqualTo("50001");
            http.send(HttpRequest.newBuilder(URI.create(control.url() + "/faults/okx")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(client.time().code()).isEqualTo("0");
        }
    }
}
