package io.meridian.positions.store;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesMarshallable;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * A value of the shared store: a mutable, reusable flyweight with an explicit binary layout
 * (a layout version byte, then fixed fields, then 8-bit strings), so the writer serialises it into
 * the map without allocation and a reader in another process decodes the same bytes. Strings are
 * ASCII (FIX ids, symbols, asset codes).
 */
public abstract class StoreRecord implements BytesMarshallable
{
    /** Bumped when any record layout changes; a reader refuses values of another layout. */
    public static final byte LAYOUT_VERSION = 1;

    @Override
    public final void writeMarshallable(final BytesOut<?> bytes)
    {
        bytes.writeByte(LAYOUT_VERSION);
        write(bytes);
    }

    @Override
    public final void readMarshallable(final BytesIn<?> bytes)
    {
        final byte version = bytes.readByte();
        if (version != LAYOUT_VERSION)
        {
            throw new IllegalStateException(
                "store record layout " + version + " is not " + LAYOUT_VERSION + ": open the store with the build that wrote it");
        }
        read(bytes);
    }

    protected abstract void write(BytesOut<?> bytes);

    protected abstract void read(BytesIn<?> bytes);

    protected static void readString(final BytesIn<?> bytes, final StringBuilder dst)
    {
        dst.setLength(0);
        bytes.read8bit(dst);
    }

    protected static void set(final StringBuilder dst, final CharSequence value)
    {
        dst.setLength(0);
        if (value != null)
        {
            dst.append(value);
        }
    }
}
