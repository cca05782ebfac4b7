package io.meridian.gateway;

import org.agrona.collections.IntHashSet;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ExecutionReport;
import uk.co.real_logic.artio.builder.Encoder;

/** The OMS's client reports as FIX messages of one FIX version, in reused encoders. */
interface ClientReportEncoding
{
    /**
     * @param reportTags the tags the client's dictionary allows on an ExecutionReport: carried venue fields
     *                   ({@link ExecutionReport#customFields}) outside them are left out.
     */
    Encoder encode(ExecutionReport report, IntHashSet reportTags);

    Encoder encode(CancelReject reject);

    /** The encoding for a client's BeginString: FIX 4.2 has its own ExecutionReport shape. */
    static ClientReportEncoding forVersion(final String beginString)
    {
        return ClientSessionConfig.FIX_4_2.equals(beginString) ? new Fix42ClientReportEncoder() : new ClientReportEncoder();
    }
}
