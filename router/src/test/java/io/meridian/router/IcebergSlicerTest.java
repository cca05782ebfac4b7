package io.meridian.router;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Iceberg refills: display in whole lots, refill only when the visible child is done, last refill smaller. */
class IcebergSlicerTest
{
    private final IcebergSlicer slicer = new IcebergSlicer();

    @Test
    void refillsWhenTheVisibleChildIsDoneAndTheLastIsSmaller()
    {
        slicer.init(300, 100);
        final long parent = 1_000;
        long filled = 0;
        final long[] children = new long[8];
        int count = 0;
        while (filled < parent)
        {
            final long child = slicer.nextChildQty(parent - filled, 0);
            assertThat(child).isPositive();
            assertThat(slicer.nextChildQty(parent - filled - child, child)).as("visible child still working").isZero();
            // partly filled: still not done
            assertThat(slicer.nextChildQty(parent - filled - child, child / 2 + 1)).isZero();
            children[count++] = child;
            filled += child;
        }
        assertThat(children).startsWith(300, 300, 300, 100);
        assertThat(count).isEqualTo(4);
        assertThat(slicer.childCount()).isEqualTo(4);
        assertThat(slicer.nextChildQty(0, 0)).as("nothing left").isZero();
    }

    @Test
    void displayRoundedDownToLotsAtLeastOneLot()
    {
        assertThat(slicer.init(350, 100).displayQty()).isEqualTo(300);
        assertThat(slicer.init(40, 100).displayQty()).isEqualTo(100);
        assertThat(slicer.init(40, 1).displayQty()).isEqualTo(40);
    }

    @Test
    void neverMoreThanWhatIsLeftAndNothingBelowALot()
    {
        slicer.init(500, 100);
        assertThat(slicer.nextChildQty(250, 0)).isEqualTo(200);
        assertThat(slicer.nextChildQty(50, 0)).as("less than a lot left").isZero();
        assertThat(slicer.childCount()).isEqualTo(1);
    }

    @Test
    void aChildCancelledByTheVenueIsDoneToo()
    {
        slicer.init(100, 1);
        assertThat(slicer.nextChildQty(1_000, 0)).isEqualTo(100);
        // the child was cancelled unfilled: the caller reports no visible leaves and the whole 1,000 unplaced
        assertThat(slicer.nextChildQty(1_000, 0)).isEqualTo(100);
        assertThat(slicer.childCount()).isEqualTo(2);
    }

    @Test
    void invalidArgumentsAreBugs()
    {
        assertThatThrownBy(() -> slicer.init(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> slicer.init(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
