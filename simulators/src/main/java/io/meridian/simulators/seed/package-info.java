/** Seed liquidity for the simulators' books: the built-in default book and a properties file format. */
package io.meridian.simulators.seed;
