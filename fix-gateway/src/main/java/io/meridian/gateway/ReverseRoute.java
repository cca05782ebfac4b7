package io.meridian.gateway;

import io.meridian.fix.codecs.builder.HeaderEncoder;
import org.agrona.DirectBuffer;

/**
 * Reverse routing for clients that connect through a hub: a reply to a message that came
 * OnBehalfOf a firm goes DeliverTo it, and the other way round (OnBehalfOfCompID/SubID/LocationID
 * 115/116/144 become DeliverToCompID/SubID/LocationID 128/129/145 and back). Reads the inbound
 * header in place and wraps its values, without allocating: encode the reply before the inbound
 * buffer is reused.
 */
final class ReverseRoute
{
    private static final int ON_BEHALF_OF_COMP_ID = 115;
    private static final int ON_BEHALF_OF_SUB_ID = 116;
    private static final int ON_BEHALF_OF_LOCATION_ID = 144;
    private static final int DELIVER_TO_COMP_ID = 128;
    private static final int DELIVER_TO_SUB_ID = 129;
    private static final int DELIVER_TO_LOCATION_ID = 145;

    private ReverseRoute()
    {
    }

    /** Sets on {@code reply} the routing of the inbound message {@code buffer[offset, offset + length)}, reversed. */
    static void apply(final HeaderEncoder reply, final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int fieldStart = offset;
        while (fieldStart < end)
        {
            int tag = 0;
            int index = fieldStart;
            byte b;
            while (index < end && (b = buffer.getByte(index)) != '=')
            {
                tag = b >= '0' && b <= '9' ? tag * 10 + (b - '0') : -1_000_000;
                index++;
            }
            final int valueStart = index + 1;
            int valueEnd = valueStart;
            while (valueEnd < end && buffer.getByte(valueEnd) != 1)
            {
                valueEnd++;
            }
            final int valueLength = valueEnd - valueStart;
            if (valueLength > 0)
            {
                switch (tag)
                {
                    case ON_BEHALF_OF_COMP_ID: reply.deliverToCompID(buffer, valueStart, valueLength); break;
                    case ON_BEHALF_OF_SUB_ID: reply.deliverToSubID(buffer, valueStart, valueLength); break;
                    case ON_BEHALF_OF_LOCATION_ID: reply.deliverToLocationID(buffer, valueStart, valueLength); break;
                    case DELIVER_TO_COMP_ID: reply.onBehalfOfCompID(buffer, valueStart, valueLength); break;
                    case DELIVER_TO_SUB_ID: reply.onBehalfOfSubID(buffer, valueStart, valueLength); break;
                    case DELIVER_TO_LOCATION_ID: reply.onBehalfOfLocationID(buffer, valueStart, valueLength); break;
                    default: break;
                }
            }
            fieldStart = valueEnd + 1;
        }
    }
}
