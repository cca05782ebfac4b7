package io.meridian.admin;

/**
 * The embedded crypto exchange simulators (Binance spot and OKX v5 APIs over one matching engine
 * each) that {@code bin/meridian} starts beside the FIX venue simulator.
 *
 * @param controlPort fault injection endpoint ({@code POST /faults/binance}), 0 = none.
 */
public record CryptoSimulatorSettings(
    boolean enabled, String host, int binancePort, int okxPort, int controlPort, long seed, long makerStepMs)
{
    public static CryptoSimulatorSettings disabled()
    {
        return new CryptoSimulatorSettings(false, "127.0.0.1", 0, 0, 0, 1, 0);
    }
}
