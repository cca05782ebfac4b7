package io.meridian.fix;

import io.meridian.fix.codecs.builder.LogonEncoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.function.Consumer;

/**
 * The FIX 4.4 Logon encoder plus raw extra fields appended to its body (the logon extensions of a
 * venue or broker dialect that the compiled dictionary does not know, Binance's MessageHandling 25035
 * for example) and a hook run just before encoding. Artio fills in MsgSeqNum and SendingTime after
 * its session customisation strategy has run and right before it encodes, so a logon signature over
 * those header fields must be computed in the hook.
 */
public class ExtensibleLogonEncoder extends LogonEncoder
{
    private final ExtraFields extraFields = new ExtraFields();
    private Consumer<ExtensibleLogonEncoder> beforeEncode;

    /** @return the fields appended on the next encode. */
    public ExtraFields extraFields()
    {
        return extraFields;
    }

    /** @param beforeEncode run on every encode with the header complete, or null for nothing. */
    public ExtensibleLogonEncoder beforeEncode(final Consumer<ExtensibleLogonEncoder> beforeEncode)
    {
        this.beforeEncode = beforeEncode;
        return this;
    }

    public long encode(final MutableAsciiBuffer buffer, final int offset)
    {
        if (beforeEncode != null)
        {
            beforeEncode.accept(this);
        }
        return extraFields.appendTo(buffer, super.encode(buffer, offset));
    }
}
