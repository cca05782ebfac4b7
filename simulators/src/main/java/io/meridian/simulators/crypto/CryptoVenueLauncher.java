package io.meridian.simulators.crypto;

import io.meridian.simulators.net.ControlledVenue;

/** A venue front end the launcher can start: one per protocol (Binance, OKX). */
public interface CryptoVenueLauncher {
    /** Lower-case venue name, used in options ({@code --<name>-port}) and control paths. */
    String name();

    /** Port used when none is given. */
    int defaultPort();

    /** Starts the venue; it listens when this returns. */
    Running launch(String host, int port, long seed, long makerStepMillis);

    /** A started venue. */
    interface Running extends ControlledVenue, AutoCloseable {
        /** Human-readable URLs and keys, printed at start. */
        String summary();

        @Override
        void close();
    }
}
