package io.meridian.simulators.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.simulators.net.ControlServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CryptoLauncherTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyFrontEndStartsOnAFreePortUnderOneControlEndpoint() throws Exception {
        List<CryptoVenueLauncher.Running> running = CryptoSimulatorsMain.FRONT_ENDS.stream()
            .map(launcher -> launcher.launch("127.0.0.1", 0, 5, 0)).toList();
        try (ControlServer control = ControlServer.start(running, "127.0.0.1", 0)) {
            assertThat(get(control.url() + "/health").body()).contains("\"binance\"");
            String restBase = running.get(0).summary().replaceAll("(?s).*REST (http://[0-9.:]+)/api/v3.*", "$1");
            assertThat(get(restBase + "/api/v3/ping").statusCode()).isEqualTo(200);

            post(control.url() + "/faults/binance", "{\"type\":\"MAINTENANCE\"}");
            assertThat(get(restBase + "/api/v3/ping").statusCode()).isEqualTo(503);
            post(control.url() + "/reset/binance?seed=6", "");
            assertThat(get(restBase + "/api/v3/ping").statusCode()).isEqualTo(200);
            assertThat(running.get(0).faults().seed()).isEqualTo(6);
        } finally {
            running.forEach(CryptoVenueLauncher.Running::close);
        }
    }

    @Test
    void optionsAreDashDashPairs() {
        assertThat(CryptoSimulatorsMain.parse(new String[] {"--seed", "3", "--binance-port", "0"}))
            .isEqualTo(Map.of("seed", "3", "binance-port", "0"));
        assertThatThrownBy(() -> CryptoSimulatorsMain.parse(new String[] {"--seed"})).isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(String url, String body) throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
