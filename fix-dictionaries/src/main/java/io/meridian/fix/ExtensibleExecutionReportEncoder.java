package io.meridian.fix;

import io.meridian.fix.codecs.builder.ExecutionReportEncoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/** The ExecutionReport encoder plus {@link ExtraFields} appended to its body: carried dialect fields. */
public final class ExtensibleExecutionReportEncoder extends ExecutionReportEncoder
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
