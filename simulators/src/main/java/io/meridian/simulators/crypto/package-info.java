/**
 * Launching the crypto simulators from one command ({@link io.meridian.simulators.crypto.CryptoSimulatorsMain}):
 * each venue front end registers a {@link io.meridian.simulators.crypto.CryptoVenueLauncher}.
 */
package io.meridian.simulators.crypto;
