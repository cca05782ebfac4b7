package io.meridian.simulators.crypto;

import io.meridian.simulators.net.ControlServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the crypto exchange simulators and their control endpoint until stopped:
 * <pre>
 * bin/crypto-sim [--host 127.0.0.1] [--seed 1] [--control-port 8090] [--binance-port 8091] [--okx-port 8092]
 *                [--maker-step-ms 200] [--only binance,okx]
 * </pre>
 * A port of 0 picks a free one. Faults: {@code curl -XPOST localhost:8090/faults/binance -d '{"type":"RATE_LIMIT_BURST","count":3}'}.
 */
public final class CryptoSimulatorsMain {
    /** Every venue front end the launcher knows; the OKX front end adds itself here. */
    public static final List<CryptoVenueLauncher> FRONT_ENDS = List.of(new BinanceLauncher(), new io.meridian.simulators.okx.OkxLauncher());

    private CryptoSimulatorsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        long makerStep = Long.parseLong(options.getOrDefault("maker-step-ms", "200"));
        String only = options.get("only");
        List<CryptoVenueLauncher.Running> running = new ArrayList<>();
        for (CryptoVenueLauncher launcher : FRONT_ENDS) {
            if (only == null || List.of(only.split(",")).contains(launcher.name())) {
                int port = Integer.parseInt(options.getOrDefault(launcher.name() + "-port", String.valueOf(launcher.defaultPort())));
                running.add(launcher.launch(host, port, seed, makerStep));
            }
        }
        ControlServer control = ControlServer.start(running, host, Integer.parseInt(options.getOrDefault("control-port", "8090")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            running.forEach(CryptoVenueLauncher.Running::close);
            stopped.countDown();
        }, "crypto-sim-shutdown"));
        System.out.println("crypto simulators up, seed " + seed);
        running.forEach(r -> System.out.println(r.summary()));
        System.out.println("control  " + control.url() + "  (GET /health, GET|POST|DELETE /faults/<venue>, POST /reset/<venue>?seed=N)");
        stopped.await();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + arg
                    + "\nusage: crypto-sim [--host H] [--seed N] [--control-port P] [--<venue>-port P] [--maker-step-ms MS] [--only venue,...]");
            }
            options.put(arg.substring(2), args[++i]);
        }
        return options;
    }
}
