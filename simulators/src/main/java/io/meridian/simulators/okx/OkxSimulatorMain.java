package io.meridian.simulators.okx;

import io.meridian.simulators.net.ControlServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the OKX simulator standalone until killed:
 * <pre>
 * OkxSimulatorMain [--host 127.0.0.1] [--port 8443] [--seed 1] [--maker-step-ms 200] [--control-port 0]
 * </pre>
 * {@code --control-port} other than 0 also serves the fault/reset control endpoint for the venue
 * {@code okx}. The crypto simulators' combined main starts it with {@link OkxSimulator#start(OkxSimulator.Config)}
 * and passes it to its {@code ControlServer} with the other venues instead.
 */
public final class OkxSimulatorMain {
    private OkxSimulatorMain() {
    }

    /** Parsed command line. */
    record Options(String host, int port, long seed, long makerStepMs, int controlPort) {
        OkxSimulator.Config config() {
            return new OkxSimulator.Config(host, port, seed, makerStepMs, OkxSimulator.DEFAULT_CREDENTIALS,
                java.util.function.UnaryOperator.identity());
        }
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 8443;
        long seed = 1;
        long makerStepMs = 200;
        int controlPort = 0;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            String value = args[i + 1];
            try {
                switch (args[i]) {
                    case "--host" -> host = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--maker-step-ms" -> makerStepMs = Long.parseLong(value);
                    case "--control-port" -> controlPort = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number for " + args[i] + ": " + value, e);
            }
        }
        return new Options(host, port, seed, makerStepMs, controlPort);
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: OkxSimulatorMain [--host 127.0.0.1] [--port 8443] [--seed 1] [--maker-step-ms 200] [--control-port 0]");
            System.exit(2);
            return;
        }
        OkxSimulator simulator = OkxSimulator.start(options.config());
        ControlServer control = options.controlPort() > 0 ? ControlServer.start(List.of(simulator), options.host(), options.controlPort()) : null;
        System.out.printf("OKX simulator: REST %s/api/v5, WebSocket %s and %s, seed %d%n", simulator.restUri(),
            simulator.publicWsUri(), simulator.privateWsUri(), options.seed());
        OkxSimulator.DEFAULT_CREDENTIALS.forEach(c -> System.out.printf("  account %s: key %s secret %s passphrase %s%n",
            c.account(), c.apiKey(), c.secret(), c.passphrase()));
        if (control != null) {
            System.out.printf("control endpoint: %s%n", control.url());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (control != null) {
                control.close();
            }
            simulator.close();
            stopped.countDown();
        }, "okx-simulator-shutdown"));
        stopped.await();
    }
}
