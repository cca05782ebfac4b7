package io.meridian.gateway.session;

import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.AbstractLogoutEncoder;
import uk.co.real_logic.artio.builder.AbstractRejectEncoder;
import uk.co.real_logic.artio.builder.AbstractSequenceResetEncoder;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The session messages Artio writes through Meridian's session dictionaries, as encoded on the wire. */
class SessionDictionaryTest
{
    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);

    @Test
    void rejectTextIsTheSpecificationsAndRefTagIdFollowsIt()
    {
        final AbstractRejectEncoder reject = new Fix44SessionDictionary().makeRejectEncoder();
        header(reject);
        reject.refSeqNum(2).sessionRejectReason(1).refTagID(56).text("required tag missing".getBytes(StandardCharsets.US_ASCII));
        assertThat(encode(reject)).contains("|58=Required tag missing|").contains("|371=56|");

        header(reject);
        reject.refSeqNum(2).sessionRejectReason(9).refTagID(49).text("compid problem".getBytes(StandardCharsets.US_ASCII));
        assertThat(encode(reject)).contains("|58=CompID problem|").doesNotContain("|371=");

        final AbstractRejectEncoder fix42 = new Fix42SessionDictionary().makeRejectEncoder();
        header(fix42);
        fix42.refSeqNum(2).sessionRejectReason(11).text("invalid msgtype".getBytes(StandardCharsets.US_ASCII));
        assertThat(encode(fix42)).contains("|58=Invalid MsgType|").contains("|371=35|");
    }

    @Test
    void logoutAfterASendingTimeRejectNamesTheField()
    {
        final AbstractLogoutEncoder logout = new FixtSessionDictionary().makeLogoutEncoder();
        header(logout);
        final byte[] artio = "sendingtime accuracy problem".getBytes(StandardCharsets.US_ASCII);
        logout.text(artio, artio.length);
        assertThat(encode(logout)).contains("|58=SendingTime accuracy problem, field=52|");
        header(logout);
        logout.text("MsgSeqNum too low".getBytes(StandardCharsets.US_ASCII));
        assertThat(encode(logout)).contains("|58=MsgSeqNum too low|");
    }

    @Test
    void gapFillCarriesOrigSendingTimeEqualToSendingTime()
    {
        final AbstractSequenceResetEncoder gapFill = new Fix44SessionDictionary().makeSequenceResetEncoder();
        header(gapFill);
        gapFill.header().possDupFlag(true);
        gapFill.gapFillFlag(true).newSeqNo(5);
        assertThat(encode(gapFill)).contains("|43=Y|").contains("|122=20261202-10:00:00.123|")
            .contains("|52=20261202-10:00:00.123|");

        final AbstractSequenceResetEncoder reset = new Fix44SessionDictionary().makeSequenceResetEncoder();
        header(reset);
        reset.newSeqNo(5);
        assertThat(encode(reset)).doesNotContain("|122=");
    }

    private static void header(final Encoder encoder)
    {
        encoder.header().senderCompID("ISLD").targetCompID("TW").msgSeqNum(3)
            .sendingTime("20261202-10:00:00.123".getBytes(StandardCharsets.US_ASCII));
    }

    private String encode(final Encoder encoder)
    {
        final long result = encoder.encode(buffer, 0);
        return buffer.getAscii(Encoder.offset(result), Encoder.length(result)).replace('\u0001', '|');
    }
}
