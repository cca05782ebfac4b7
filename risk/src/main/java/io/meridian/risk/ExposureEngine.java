package io.meridian.risk;

import org.agrona.concurrent.EpochNanoClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold path of the risk gate: on its own thread, reads the filled positions from the shared store,
 * marks them to the gate's reference prices and grants every scope with a gross exposure limit a lease
 * (its filled exposure, valid for {@code ttlNanos}). The hot gate adds what the store cannot show yet
 * and fails closed when a lease expires: a dead or stuck engine stops new risk, not cancels or reductions.
 * <p>
 * The firm scope counts every account's positions; an account scope its own. Session scopes cannot have
 * an exposure limit (the store keeps positions per account), which configuration refuses.
 */
public final class ExposureEngine implements Runnable
{
    private final HotRiskGate gate;
    private final PositionSource positions;
    private final EpochNanoClock clock;
    private final long ttlNanos;
    private final long storeLagNanos;
    private volatile long leasesGranted;
    private volatile long failures;

    /**
     * @param storeLagNanos how far the store may lag the sequencer: fills this much older than the read are
     *                      still counted by the gate (conservative: counted twice rather than missed).
     */
    public ExposureEngine(
        final HotRiskGate gate, final PositionSource positions, final EpochNanoClock clock, final long ttlNanos,
        final long storeLagNanos)
    {
        this.gate = gate;
        this.positions = positions;
        this.clock = clock;
        this.ttlNanos = ttlNanos;
        this.storeLagNanos = storeLagNanos;
    }

    /**
     * One pass: read, mark, grant. An exception is counted and rethrown: the pass grants nothing, so the
     * leases run out unless a later pass succeeds.
     */
    @Override
    public void run()
    {
        try
        {
            grant();
        }
        catch (final RuntimeException ex)
        {
            failures++;
            throw ex;
        }
    }

    private void grant()
    {
        final List<RiskScope> scopes = gate.scopes();
        boolean any = false;
        for (final RiskScope scope : scopes)
        {
            any |= scope.limits().hasExposureLimit();
        }
        if (!any)
        {
            return;
        }
        final long readNanos = clock.nanoTime() - storeLagNanos;
        final long[] marks = gate.referencePrices();
        final Map<String, double[]> byAccount = new HashMap<>();
        final double[] firm = new double[1];
        positions.forEachPosition((account, instrumentId, netQty) ->
        {
            if (instrumentId < 0 || instrumentId >= marks.length || netQty == 0)
            {
                return;
            }
            final double value = gate.value(instrumentId, Math.abs(netQty), marks[instrumentId]);
            firm[0] += value;
            byAccount.computeIfAbsent(account, a -> new double[1])[0] += value;
        });
        final long expiry = clock.nanoTime() + ttlNanos;
        for (final RiskScope scope : scopes)
        {
            if (!scope.limits().hasExposureLimit())
            {
                continue;
            }
            final double filled = switch (scope.kind())
            {
                case FIRM -> firm[0];
                case ACCOUNT -> byAccount.getOrDefault(scope.name(), new double[1])[0];
                case SESSION -> Double.NaN;
            };
            if (!Double.isNaN(filled))
            {
                gate.lease(scope, new ExposureLease(filled, readNanos, expiry));
                leasesGranted++;
            }
        }
    }

    public long leasesGranted()
    {
        return leasesGranted;
    }

    public long failures()
    {
        return failures;
    }
}
