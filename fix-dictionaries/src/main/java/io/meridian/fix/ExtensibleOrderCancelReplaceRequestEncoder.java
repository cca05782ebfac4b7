package io.meridian.fix;

import io.meridian.fix.codecs.builder.OrderCancelReplaceRequestEncoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/** The OrderCancelReplaceRequest encoder plus {@link ExtraFields} appended to its body: carried dialect fields. */
public final class ExtensibleOrderCancelReplaceRequestEncoder extends OrderCancelReplaceRequestEncoder
{
    private final ExtraFields extraFields = new ExtraFields();

    /** @return the fields appended on the next encode; clear or refill them per message. */
    public ExtraFields extraFields()
    {
        return extraFields;
    }

    public long encode(final MutableAsciiBuffer buffer, final int offset)
    {
        return extraFields.appendTo(buffer, super.encode(buffer, offset));
    }
}
