package io.meridian.fix;

import io.meridian.fix.codecs.builder.LogonEncoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * The FIX 4.4 Logon encoder plus raw extra fields appended to its body: the logon extensions of a
 * venue or broker dialect (Binance's MessageHandling 25035, for example) that the compiled
 * dictionary does not know. Set them in a session customisation strategy before each logon.
 */
public class ExtensibleLogonEncoder extends LogonEncoder
{
    private final ExtraFields extraFields = new ExtraFields();

    /** @return the fields appended on the next encode. */
    public ExtraFields extraFields()
    {
        return extraFields;
    }

    public long encode(final MutableAsciiBuffer buffer, final int offset)
    {
        return extraFields.appendTo(buffer, super.encode(buffer, offset));
    }
}
