package io.meridian.simulators.okx;

import io.meridian.simulators.crypto.CryptoVenueLauncher;
import io.meridian.simulators.fault.FaultPlan;

/** Starts the OKX v5 simulator from the crypto simulators' launcher ({@code bin/crypto-sim}). */
public final class OkxLauncher implements CryptoVenueLauncher {
    @Override
    public String name() {
        return OkxSimulator.VENUE;
    }

    @Override
    public int defaultPort() {
        return 8092;
    }

    @Override
    public Running launch(String host, int port, long seed, long makerStepMillis) {
        OkxSimulator sim = OkxSimulator.start(new OkxSimulator.Config(host, port, seed, makerStepMillis,
            OkxSimulator.DEFAULT_CREDENTIALS, java.util.function.UnaryOperator.identity()));
        return new Running() {
            @Override
            public String venue() {
                return sim.venue();
            }

            @Override
            public FaultPlan faults() {
                return sim.faults();
            }

            @Override
            public void reset(long newSeed) {
                sim.reset(newSeed);
            }

            @Override
            public String summary() {
                StringBuilder text = new StringBuilder("okx      REST " + sim.restUri() + "/api/v5  WebSocket " + sim.publicWsUri()
                    + " and " + sim.privateWsUri());
                OkxSimulator.DEFAULT_CREDENTIALS.forEach(c -> text.append("\n         key ").append(c.apiKey()).append(" secret ")
                    .append(c.secret()).append(" passphrase ").append(c.passphrase()).append(" (").append(c.account()).append(')'));
                return text.toString();
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }
}
