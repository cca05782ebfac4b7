package io.meridian.fix.dialect;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every client session's messages against the full dictionary of its FIX version. */
class FullDictionaryValidationTest
{
    private static final String ORDER = "11=ID|21=1|40=1|54=1|38=200.00|55=INTC|60=20261123-10:00:00.000|";

    private final MessageValidator fix44 = new MessageValidator(DialectDictionary.full("FIX.4.4"));
    private final MessageValidator fix42 = new MessageValidator(DialectDictionary.full("FIX.4.2"));
    private final MessageValidator fixt = new MessageValidator(DialectDictionary.full("FIXT.1.1"));

    @Test
    void fullDictionariesKnowTheirVersionAndTheMessagesMeridianDoesNotTrade()
    {
        assertThat(DialectDictionary.full("FIX.4.4").beginString()).isEqualTo("FIX.4.4");
        assertThat(DialectDictionary.full("FIX.4.2").beginString()).isEqualTo("FIX.4.2");
        assertThat(DialectDictionary.full("FIXT.1.1").beginString()).isEqualTo("FIXT.1.1");
        assertThat(DialectDictionary.full("FIX.4.4").messages()).containsKeys("d", "C", "AE", "D", "8");
        assertThat(DialectDictionary.full("FIX.4.4")).isSameAs(DialectDictionary.full("FIX.4.4"));
    }

    @Test
    void aValidOrderWithFieldsMeridianDoesNotUsePasses()
    {
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "167=CS|18=1 G|126=20261123-16:00:00|"))
            .isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fix42, "FIX.4.2", "D", ORDER + "167=CS|")).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void routingInstructionsPassOnNewOrdersAndReplacesOfEveryVersion()
    {
        final String routing = "100=BINANCE|111=0.5|168=20261207-14:00:00|126=20261207-15:00:00.250|" +
            "20100=3|20101=OKX BINANCE|20102=1|20103=12|20104=20|";
        final String replace = "41=ID0|" + ORDER.replace("11=ID|", "11=ID1|");
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + routing)).isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fix44, "FIX.4.4", "G", replace + routing)).isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fix42, "FIX.4.2", "D", ORDER + routing)).isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fix42, "FIX.4.2", "G", replace + routing)).isEqualTo(ValidationFailure.NONE);
        final String fixtOrder = ORDER.replace("21=1|", "");
        final String fixtReplace = "41=ID0|" + fixtOrder.replace("11=ID|", "11=ID1|");
        assertThat(validateRaw(fixt, "8=FIXT.1.1|9=100|35=D|34=2|49=TW|52=20261123-10:00:00.000|56=ISLD|1128=9|" +
            fixtOrder + routing + "10=000|")).isEqualTo(ValidationFailure.NONE);
        assertThat(validateRaw(fixt, "8=FIXT.1.1|9=100|35=G|34=2|49=TW|52=20261123-10:00:00.000|56=ISLD|1128=9|" +
            fixtReplace + routing + "10=000|")).isEqualTo(ValidationFailure.NONE);
        // the routing tags belong to orders only, are integers where said, and the range ends at 20104
        assertThat(validate(fix44, "FIX.4.4", "F", "41=ID0|11=ID1|54=1|55=INTC|60=20261123-10:00:00.000|20100=1|"))
            .isEqualTo(ValidationFailure.TAG_NOT_DEFINED_FOR_MESSAGE_TYPE);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "20103=many|")).isEqualTo(ValidationFailure.INCORRECT_DATA_FORMAT);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "20105=1|")).isEqualTo(ValidationFailure.INVALID_TAG_NUMBER);
        // no enumeration: a policy out of range is the router's reject (OrdRejReason 99), not a session Reject
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "20100=9|")).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void aDialectClientGetsTheRoutingInstructionsToo()
    {
        final DialectDictionary acme = DialectDictionary.fullWith("FIX.4.4",
            DialectDictionary.open("classpath:fix/dialects/acme-securities.xml"));
        assertThat(acme.messages().get("D").fields()).containsKeys(20100, 20101, 20102, 20103, 20104, 100, 111, 126, 168);
        assertThat(acme.messages().get("G").fields()).containsKeys(20100, 20101, 20102, 20103, 20104);
        assertThat(acme.name()).isNotBlank();
    }

    @Test
    void enumValueOfAFieldOutsideMeridiansTrimmedDictionary()
    {
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "167=BOO|")).isEqualTo(ValidationFailure.VALUE_INCORRECT);
        assertThat(fix44.refTagId()).isEqualTo(167);
        // each token of a multiple-value field
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "18=1 ?|")).isEqualTo(ValidationFailure.VALUE_INCORRECT);
        assertThat(fix44.refTagId()).isEqualTo(18);
    }

    @Test
    void repeatingGroupCountDelimiterAndMemberOrder()
    {
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "386=3|336=PRE-OPEN|336=AFTER-HOURS|"))
            .isEqualTo(ValidationFailure.GROUP_COUNT_INCORRECT);
        assertThat(fix44.refTagId()).isEqualTo(386);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "386=2|336=PRE-OPEN|336=AFTER-HOURS|"))
            .isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "78=2|79=acct1|80=50|661=X|79=acct2|80=150|661=X|"))
            .isEqualTo(ValidationFailure.GROUP_MEMBERS_OUT_OF_ORDER);
        assertThat(fix44.refTagId()).isEqualTo(661);
        assertThat(validate(fix42, "FIX.4.2", "D", ORDER + "78=2|80=50|79=acct1|80=150|79=acct2|"))
            .isEqualTo(ValidationFailure.GROUP_DELIMITER_MISSING);
        assertThat(fix42.refTagId()).isEqualTo(80);
        assertThat(fix42.groupCountTag()).isEqualTo(78);
        assertThat(fix42.groupDelimiter()).isEqualTo(79);
    }

    @Test
    void nestedGroupBeforeTheOuterGroupsDelimiter()
    {
        final String email = "164=thread-id|94=0|147=subject|146=1|864=1|865=1|33=1|58=test|354=1|355=1|";
        assertThat(validate(fix44, "FIX.4.4", "C", email)).isEqualTo(ValidationFailure.GROUP_DELIMITER_MISSING);
        assertThat(fix44.refTagId()).isEqualTo(864);
        assertThat(fix44.groupCountTag()).isEqualTo(146);
        assertThat(fix44.groupDelimiter()).isEqualTo(55);
        final String nested = "164=thread-id|94=0|147=subject|146=1|55=MSFT|864=1|865=1|33=1|58=test|";
        assertThat(validate(fix44, "FIX.4.4", "C", nested)).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void emptyGroupIsValid()
    {
        final String definition = "320=JCD1091-20021011|322=1034356488676|323=6|55=TBS|22=8|167=CS|336=ONE_MAIN|454=0|";
        assertThat(validate(fix44, "FIX.4.4", "d", definition)).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void undefinedTagsAndTagsNotInTheMessageOnSessionMessages()
    {
        assertThat(validate(fix44, "FIX.4.4", "0", "999=HI|")).isEqualTo(ValidationFailure.INVALID_TAG_NUMBER);
        assertThat(fix44.refTagId()).isEqualTo(999);
        assertThat(validate(fix44, "FIX.4.4", "0", "0=HI|")).isEqualTo(ValidationFailure.INVALID_TAG_NUMBER);
        assertThat(fix44.refTagId()).isEqualTo(0);
        assertThat(validate(fix44, "FIX.4.4", "0", "-1=HI|")).isEqualTo(ValidationFailure.INVALID_TAG_NUMBER);
        assertThat(fix44.refTagId()).isEqualTo(-1);
        assertThat(validate(fix44, "FIX.4.4", "0", "x=HI|")).isEqualTo(ValidationFailure.INVALID_TAG_NUMBER);
        assertThat(fix44.hasRefTagId()).isFalse();
        assertThat(validate(fix44, "FIX.4.4", "0", "55=MSFT|")).isEqualTo(ValidationFailure.TAG_NOT_DEFINED_FOR_MESSAGE_TYPE);
        assertThat(fix44.refTagId()).isEqualTo(55);
        assertThat(validate(fix44, "FIX.4.4", "0", "")).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void dataFormatsOfDatesTimesAndEmptyValues()
    {
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "126=20040415|")).isEqualTo(ValidationFailure.INCORRECT_DATA_FORMAT);
        assertThat(fix44.refTagId()).isEqualTo(126);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "126=20040415-25:00:00|"))
            .isEqualTo(ValidationFailure.INCORRECT_DATA_FORMAT);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "432=20041315|")).isEqualTo(ValidationFailure.INCORRECT_DATA_FORMAT);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "432=20041215|")).isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER.replace("38=200.00", "38=2x"))).isEqualTo(ValidationFailure.INCORRECT_DATA_FORMAT);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER + "58=|")).isEqualTo(ValidationFailure.TAG_SPECIFIED_WITHOUT_A_VALUE);
        assertThat(fix44.refTagId()).isEqualTo(58);
    }

    @Test
    void headerFieldAfterTheBodyAndRequiredFields()
    {
        final String message = "8=FIX.4.4|9=100|35=D|49=TW|56=ISLD|52=20261123-10:00:00.000|" + ORDER + "34=2|10=000|";
        assertThat(validateRaw(fix44, message)).isEqualTo(ValidationFailure.TAG_OUT_OF_REQUIRED_ORDER);
        assertThat(fix44.refTagId()).isEqualTo(34);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER.replace("55=INTC|", ""))).isEqualTo(ValidationFailure.REQUIRED_TAG_MISSING);
        assertThat(fix44.refTagId()).isEqualTo(55);
        // FIX 4.2 requires HandlInst, FIX 4.4 does not
        assertThat(validate(fix42, "FIX.4.2", "D", ORDER.replace("21=1|", ""))).isEqualTo(ValidationFailure.REQUIRED_TAG_MISSING);
        assertThat(fix42.refTagId()).isEqualTo(21);
        assertThat(validate(fix44, "FIX.4.4", "D", ORDER.replace("21=1|", ""))).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void meridiansLogonFieldsOnFix42()
    {
        assertThat(validate(fix42, "FIX.4.2", "A", "98=0|108=30|553=user|554=secret|")).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void fixtSessionsUseTheTransportHeaderAndFix50Sp2Messages()
    {
        assertThat(validate(fixt, "FIXT.1.1", "A", "98=0|108=30|1137=9|")).isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fixt, "FIXT.1.1", "D", ORDER.replace("21=1|", "") + "1128=9|"))
            .isEqualTo(ValidationFailure.TAG_OUT_OF_REQUIRED_ORDER);
        assertThat(validate(fixt, "FIXT.1.1", "D", ORDER)).isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fixt, "FIXT.1.1", "D", ORDER + "167=BOO|")).isEqualTo(ValidationFailure.VALUE_INCORRECT);
    }

    @Test
    void aDialectAddsItsTagsToTheFullDictionary()
    {
        final MessageValidator acme = new MessageValidator(DialectDictionary.fullWith("FIX.4.4",
            DialectDictionary.open("classpath:fix/dialects/acme-securities.xml")));
        final String order = ORDER + "1=ACC-7|7001=VWAP|7002=DESK9|167=CS|";
        assertThat(validate(acme, "FIX.4.4", "D", order)).isEqualTo(ValidationFailure.NONE);
        assertThat(validate(fix44, "FIX.4.4", "D", order)).isEqualTo(ValidationFailure.INVALID_TAG_NUMBER);
        assertThat(validate(acme, "FIX.4.4", "D", order.replace("7002=DESK9|", ""))).isEqualTo(ValidationFailure.REQUIRED_TAG_MISSING);
    }

    @Test
    void validationDoesNotAllocate()
    {
        final byte[] valid = ("8=FIX.4.4|9=100|35=D|34=2|49=TW|52=20261123-10:00:00.000|56=ISLD|" + ORDER +
            "78=1|79=acct1|80=50|10=000|").replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        final byte[] invalid = ("8=FIX.4.4|9=100|35=D|34=2|49=TW|52=20261123-10:00:00.000|56=ISLD|" + ORDER +
            "386=3|336=PRE-OPEN|10=000|").replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer validBuffer = new UnsafeBuffer(valid);
        final UnsafeBuffer invalidBuffer = new UnsafeBuffer(invalid);
        for (int i = 0; i < 20_000; i++)
        {
            fix44.validate(validBuffer, 0, valid.length);
            fix44.validate(invalidBuffer, 0, invalid.length);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        int failures = 0;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            failures += fix44.validate(validBuffer, 0, valid.length) == ValidationFailure.NONE ? 0 : 1;
            failures += fix44.validate(invalidBuffer, 0, invalid.length) == ValidationFailure.NONE ? 0 : 1;
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(failures).isEqualTo(10_000);
        // a few bytes of measuring noise at most, not bytes per message
        assertThat(allocated).as("bytes allocated by 20,000 validations").isLessThan(1_000);
    }

    private static ValidationFailure validate(
        final MessageValidator validator, final String beginString, final String msgType, final String body)
    {
        return validateRaw(validator, "8=" + beginString + "|9=100|35=" + msgType +
            "|34=2|49=TW|52=20261123-10:00:00.000|56=ISLD|" + body + "10=000|");
    }

    private static ValidationFailure validateRaw(final MessageValidator validator, final String message)
    {
        final byte[] bytes = message.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII);
        return validator.validate(new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
