package dev.vocadent.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "+441632960001                          | +441632960001",
            "441632960001                           | +441632960001",
            "01632960001                            | +441632960001",
            "01632 960001                           | +441632960001",
            "01632-960-001                          | +441632960001",
            "(01632) 960001                         | +441632960001",
            "0044 1632 960001                       | +441632960001",
            "+44 (0)1632 960001                     | +441632960001",
            "+44 0 1632 960001                      | +441632960001",
            "'  +44 1632 960001  '                  | +441632960001",
            "sip:+441632960001@sip.example.net      | +441632960001",
            "sip:441632960001@10.0.0.1:5060         | +441632960001",
            "sip:01632960001@pbx;transport=udp      | +441632960001",
            "sips:+441632960001@host;user=phone     | +441632960001",
            "SIP:+441632960001@HOST                 | +441632960001",
            "sip:%2B441632960001@host               | +441632960001",
            "<sip:+441632960001@host>               | +441632960001",
            "'\"Reception\" <sip:01632960001@host>' | +441632960001",
            "tel:+44-1632-960001                    | +441632960001",
            "+16505551234                           | +16505551234",
    })
    void normalisesDialledNumbersToE164(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).contains(e164);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"+", "0", "12345", "sip:reception@host", "sip:@host", "01632 96OOO1", "+44 1632 960001 ext 2",
            "+441632960001+", "++441632960001", "1632960001234567890", "0000000000", "+0441632960001", "abc", "\u0661\u0666\u0663\u0662"})
    void anythingElseIsNotANumber(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"353, 0871234567, +353871234567", "1, 16505551234, +16505551234"})
    void theTrunkPrefixStandsForTheDefaultCountry(String cc, String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw, cc)).contains(e164);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"+44", "0", "4444", "uk"})
    void aBadDefaultCountryCodeIsRefused(String cc) {
        assertThatThrownBy(() -> PhoneNumbers.toE164("01632960001", cc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("country code");
    }
}
