package io.meridian.simulators.fix;

import io.meridian.simulators.seed.SeedBook;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the FIX venue simulator standalone until killed:
 * <pre>
 * FixVenueSimulatorMain [--port 9880] [--bind-address 127.0.0.1] [--sender-comp-id VENUE]
 *                       [--target-comp-id MERIDIAN[,OTHER]] [--accept-any-target-comp-id]
 *                       [--seed-file book.properties] [--store-dir dir] [--heartbeat 30]
 *                       [--maker-step-ms 1000] [--maker-walk-ticks 0] [--maker-seed 1] [--no-crypto-books]
 * </pre>
 * Without {@code --seed-file} it uses the built-in default book; BTC-USDT and ETH-USDT are quoted by the
 * maker's crypto ladders ({@link QuoteLadder#cryptoStandard()}) unless {@code --no-crypto-books}.
 */
public final class FixVenueSimulatorMain {
    private FixVenueSimulatorMain() {
    }

    /** Logback configuration used unless {@code -Dlogback.configurationFile} is given. */
    static final String DEFAULT_LOGBACK = "io/meridian/simulators/venue-logback.xml";

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", DEFAULT_LOGBACK);
        }
        FixVenueSimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: FixVenueSimulatorMain [--port 9880] [--bind-address 127.0.0.1] [--sender-comp-id VENUE]"
                + " [--target-comp-id MERIDIAN[,OTHER]] [--accept-any-target-comp-id] [--seed-file book.properties]"
                + " [--store-dir dir] [--heartbeat 30] [--maker-step-ms 1000] [--maker-walk-ticks 0] [--maker-seed 1] [--no-crypto-books]");
            System.exit(2);
            return;
        }
        FixVenueSimulator simulator = new FixVenueSimulator(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "fix-venue-shutdown"));
        System.out.println("FIX venue simulator listening on port " + simulator.port());
        stopped.await();
    }

    /** Parses the command line into a configuration (defaults from {@link FixVenueSimulatorConfig#defaults()}). */
    static FixVenueSimulatorConfig parse(String... args) {
        FixVenueSimulatorConfig.Builder builder = FixVenueSimulatorConfig.defaults().toBuilder();
        long makerStepMs = FixVenueSimulatorConfig.EMBEDDED_MARKET_MAKER_STEP_MS;
        int makerWalkTicks = 0;
        long makerSeed = 1;
        builder.quoteLadders(QuoteLadder.cryptoStandard());
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--accept-any-target-comp-id")) {
                builder.acceptAnyTargetCompId(true);
                continue;
            }
            if (option.equals("--no-crypto-books")) {
                builder.quoteLadders(java.util.List.of());
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--bind-address" -> builder.bindAddress(value);
                case "--sender-comp-id" -> builder.senderCompId(value);
                case "--target-comp-id" -> builder.targetCompIds(Arrays.stream(value.split(",")).map(String::trim).toList());
                case "--seed-file" -> builder.seedBook(SeedBook.load(Path.of(value)));
                case "--store-dir" -> builder.fileStoreDir(Path.of(value));
                case "--heartbeat" -> builder.heartbeatSeconds(Integer.parseInt(value));
                case "--maker-step-ms" -> makerStepMs = Long.parseLong(value);
                case "--maker-walk-ticks" -> makerWalkTicks = Integer.parseInt(value);
                case "--maker-seed" -> makerSeed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return builder.marketMaker(makerStepMs, makerWalkTicks, makerSeed).build();
    }
}
