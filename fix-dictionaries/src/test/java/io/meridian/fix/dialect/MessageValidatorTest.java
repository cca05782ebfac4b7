package io.meridian.fix.dialect;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageValidatorTest
{
    private static final String ACME = "classpath:fix/dialects/acme-securities.xml";
    private static final String BASE = "classpath:fix/FIX44.xml";
    private static final String HEADER = "8=FIX.4.4|9=100|35=%s|34=2|49=ACMECLIENT|52=20261123-10:00:00.000|56=MERIDIAN|";
    private static final String VALID_ORDER =
        "11=A1|1=ACC-7|55=AAPL|54=1|60=20261123-10:00:00.000|38=100|40=2|44=190.5|59=0|7001=VWAP|7002=DESK9|";

    private final DialectDictionary acme = DialectDictionary.merge(DialectDictionary.open(BASE), DialectDictionary.open(ACME));
    private final MessageValidator validator = new MessageValidator(acme);

    @Test
    void mergesNewFieldsExtraEnumValuesRequirednessAndCustomMessages()
    {
        assertThat(acme.name()).isEqualTo("ACME");
        assertThat(acme.beginString()).isEqualTo("FIX.4.4");
        assertThat(acme.fields().get(7001).values()).containsOnlyKeys("DMA", "VWAP", "TWAP");
        assertThat(acme.fields().get(54).values()).containsKeys("1", "2", "5", "6");
        assertThat(acme.messages().get("D").fields()).containsEntry(1, true).containsEntry(7002, true)
            .containsEntry(7001, false).containsEntry(55, true);
        assertThat(acme.messages().get("D").custom()).isFalse();
        assertThat(acme.messages().get("UDS").custom()).isTrue();
        // the base dictionary is untouched by another session's dialect
        final DialectDictionary base = DialectDictionary.base(DialectDictionary.open(BASE));
        assertThat(base.messages().get("D").fields()).containsEntry(1, false).doesNotContainKey(7002);
    }

    @Test
    void acceptsAValidDialectOrder()
    {
        assertThat(validate("D", VALID_ORDER)).isEqualTo(ValidationFailure.NONE);
        assertThat(validator.lastWasCustomMessage()).isFalse();
        assertThat(validate("D", VALID_ORDER.replace("54=1", "54=6"))).isEqualTo(ValidationFailure.NONE);
    }

    @Test
    void requiredDialectFieldMissing()
    {
        assertThat(validate("D", VALID_ORDER.replace("1=ACC-7|", ""))).isEqualTo(ValidationFailure.REQUIRED_TAG_MISSING);
        assertThat(validator.refTagId()).isEqualTo(1);
        assertThat(validate("D", VALID_ORDER.replace("7002=DESK9|", ""))).isEqualTo(ValidationFailure.REQUIRED_TAG_MISSING);
        assertThat(validator.refTagId()).isEqualTo(7002);
    }

    @Test
    void enumValueOutsideTheDialect()
    {
        assertThat(validate("D", VALID_ORDER.replace("7001=VWAP", "7001=POV"))).isEqualTo(ValidationFailure.VALUE_INCORRECT);
        assertThat(validator.refTagId()).isEqualTo(7001);
        assertThat(validate("D", VALID_ORDER.replace("54=1", "54=9"))).isEqualTo(ValidationFailure.VALUE_INCORRECT);
        assertThat(validator.refTagId()).isEqualTo(54);
    }

    @Test
    void unknownTagAndTagNotInMessage()
    {
        assertThat(validate("D", VALID_ORDER + "9999=X|")).isEqualTo(ValidationFailure.INVALID_TAG_NUMBER);
        assertThat(validator.refTagId()).isEqualTo(9999);
        // LastLiquidityInd is a dictionary field, but only on ExecutionReports
        assertThat(validate("D", VALID_ORDER + "851=1|")).isEqualTo(ValidationFailure.TAG_NOT_DEFINED_FOR_MESSAGE_TYPE);
        assertThat(validator.refTagId()).isEqualTo(851);
    }

    @Test
    void badNumbersAndUnknownMessageTypes()
    {
        assertThat(validate("D", VALID_ORDER.replace("38=100", "38=1x0"))).isEqualTo(ValidationFailure.INCORRECT_DATA_FORMAT);
        assertThat(validator.refTagId()).isEqualTo(38);
        assertThat(validate("ZZ", "58=hello|")).isEqualTo(ValidationFailure.INVALID_MSG_TYPE);
    }

    @Test
    void customMessageTypeIsValidatedAndFlagged()
    {
        assertThat(validate("UDS", "7002=DESK9|58=open|")).isEqualTo(ValidationFailure.NONE);
        assertThat(validator.lastWasCustomMessage()).isTrue();
        assertThat(validate("UDS", "58=open|")).isEqualTo(ValidationFailure.REQUIRED_TAG_MISSING);
    }

    @Test
    void mergedDictionaryRoundTripsAsQuickFixXml()
    {
        final String xml = acme.toQuickFixXml();
        final DialectDictionary reloaded = DialectDictionary.base(
            new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(reloaded.messages().keySet()).isEqualTo(acme.messages().keySet());
        assertThat(reloaded.messages().get("D").fields()).isEqualTo(acme.messages().get("D").fields());
        assertThat(reloaded.fields().get(54).values()).isEqualTo(acme.fields().get(54).values());
    }

    @Test
    void overlayReferringToAnUndefinedFieldIsRefusedAtLoad()
    {
        final String overlay = "<fix type='FIX' major='4' minor='4' dialect='BAD'><messages>"
            + "<message name='NewOrderSingle' msgtype='D' msgcat='app'><field name='NoSuchField' required='Y'/></message>"
            + "</messages><fields/></fix>";
        assertThatThrownBy(() -> DialectDictionary.merge(DialectDictionary.open(BASE),
            new java.io.ByteArrayInputStream(overlay.getBytes(StandardCharsets.UTF_8))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoSuchField");
    }

    private ValidationFailure validate(final String msgType, final String body)
    {
        final String message = (String.format(HEADER, msgType) + body + "10=000|").replace('|', '\u0001');
        final byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        return validator.validate(new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
