package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.simulators.crypto.CryptoSimulatorsMain;
import io.meridian.simulators.crypto.CryptoVenueLauncher;
import org.junit.jupiter.api.Test;

/** The crypto simulators' launcher knows the OKX front end and starts, resets and stops it. */
class OkxLauncherTest {

    @Test
    void theLauncherStartsResetsAndStopsOkx() {
        assertThat(CryptoSimulatorsMain.FRONT_ENDS).extracting(CryptoVenueLauncher::name).contains("okx");
        try (CryptoVenueLauncher.Running okx = new OkxLauncher().launch("127.0.0.1", 0, 3, 0)) {
            assertThat(okx.venue()).isEqualTo("okx");
            assertThat(okx.summary()).contains("/api/v5").contains("/ws/v5/public").contains("okx-trader1-key");
            okx.reset(4);
            assertThat(okx.faults().seed()).isEqualTo(4);
        }
    }
}
