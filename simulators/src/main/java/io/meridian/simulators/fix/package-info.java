/**
 * A FIX 4.4 venue simulator on QuickFIX/J, validating against Meridian's dictionary
 * ({@code fix/FIX44.xml}) and matching on {@link io.meridian.simulators.matching.MatchingEngine}.
 * Start with {@link io.meridian.simulators.fix.FixVenueSimulator}; drive it in tests through
 * {@link io.meridian.simulators.fix.VenueControl}.
 */
package io.meridian.simulators.fix;
