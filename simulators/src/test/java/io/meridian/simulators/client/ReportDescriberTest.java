package io.meridian.simulators.client;

import org.junit.jupiter.api.Test;
import quickfix.Message;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDescriberTest
{
    private static Message parse(final String pipeSeparated) throws Exception
    {
        final String body = pipeSeparated.replace('|', '\u0001');
        // checksum and body length are not what these tests are about
        return new Message(body, false);
    }

    @Test
    void fillIsOneReadableLineWithQuantitiesAsSent() throws Exception
    {
        final Message fill = parse("8=FIX.4.4|9=10|35=8|49=MERIDIAN|56=CLIENT1|34=5|52=20261202-10:00:00|" +
            "37=TPFEM9.1|11=cli-1|17=E5|150=F|39=2|55=AAPL|54=1|38=100|44=190.10|32=100|31=190.10|14=100|151=0|6=190.10|10=000|");
        assertThat(ReportDescriber.describe(fill))
            .isEqualTo("Filled 100 AAPL @ 190.10 (order TPFEM9.1, cum 100, leaves 0, avg 190.10)");
        assertThat(ReportDescriber.readable(fill)).startsWith("8=FIX.4.4|9=").contains("|35=8|").doesNotContain("\u0001");
    }

    @Test
    void partialFillRejectAndCancelRejectAreDecoded() throws Exception
    {
        assertThat(ReportDescriber.describe(parse("8=FIX.4.4|9=1|35=8|37=O1|11=c|150=F|39=1|55=MSFT|54=2|38=100|" +
            "32=30|31=420.00|14=30|151=70|6=420.00|10=000|")))
            .isEqualTo("Partially filled 30 MSFT @ 420.00 (order O1, cum 30, leaves 70, avg 420.00)");
        assertThat(ReportDescriber.describe(parse("8=FIX.4.4|9=1|35=8|37=O2|11=c2|150=8|39=8|55=AAPL|54=1|38=10|44=190|" +
            "58=trading halted: kill switch engaged|103=99|10=000|")))
            .isEqualTo("Rejected: BUY 10 AAPL @ 190 (order O2, ClOrdID c2) - trading halted: kill switch engaged (OrdRejReason 99)");
        assertThat(ReportDescriber.describe(parse("8=FIX.4.4|9=1|35=9|37=NONE|11=c3|41=c|39=8|434=1|102=1|58=unknown order|10=000|")))
            .isEqualTo("Cancel/replace rejected for ClOrdID c3: unknown order - unknown order");
        assertThat(ReportDescriber.describe(parse("8=FIX.4.4|9=1|35=3|45=7|371=54|373=5|58=bad side|10=000|")))
            .isEqualTo("Session reject of our message 7: value is incorrect (out of range) for this tag (tag 54) - bad side");
        assertThat(ReportDescriber.describe(parse("8=FIX.4.4|9=1|35=0|10=000|"))).isNull();
    }

    @Test
    void logonPasswordIsMasked() throws Exception
    {
        assertThat(ReportDescriber.readable(parse("8=FIX.4.4|9=1|35=A|553=client2|554=change-me|98=0|10=000|")))
            .contains("|553=client2|554=***|").doesNotContain("change-me");
    }
}
