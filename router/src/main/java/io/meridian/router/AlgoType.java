package io.meridian.router;

/** The execution algo on a parent order, FIX tag 20102 (AlgoType); ICEBERG is implied by MaxFloor (111). */
public enum AlgoType
{
    /** Route the whole quantity at once. */
    NONE(0),
    /** Time-weighted slices between a start and an end ({@link TwapSchedule}). */
    TWAP(1),
    /** Show only the display quantity, refilled as each visible child completes ({@link IcebergSlicer}). */
    ICEBERG(2);

    private final int fixValue;

    AlgoType(final int fixValue)
    {
        this.fixValue = fixValue;
    }

    /** @return the value of tag 20102. */
    public int fixValue()
    {
        return fixValue;
    }

    /** @return the algo with this tag 20102 value, or null. */
    public static AlgoType fromFix(final long value)
    {
        if (value == 0)
        {
            return NONE;
        }
        if (value == 1)
        {
            return TWAP;
        }
        return value == 2 ? ICEBERG : null;
    }
}
