package org.kmcr.common.nhs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NhsNumberTest {

    @ParameterizedTest
    @CsvSource({"9434765919", "943 476 5919", "943-476-5919", "9990000018", "4010232137"})
    void acceptsValidNumbers(String text) {
        assertTrue(NhsNumber.isValid(text));
        assertEquals(text.replaceAll("[ -]", ""), NhsNumber.parse(text).value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "9434765918|NHS number fails the Modulus 11 check: the check digit (last digit) does not match",
        "943476591|NHS number must be exactly 10 digits",
        "94347659190|NHS number must be exactly 10 digits",
        "94347A5919|NHS number must be exactly 10 digits",
        "1000000010|NHS number is not valid: its first nine digits give no possible check digit"})
    void explainsWhyANumberIsInvalid(String text, String reason) {
        assertFalse(NhsNumber.isValid(text));
        assertEquals(reason, NhsNumber.problemWith(text).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> NhsNumber.parse(text));
    }

    @Test
    void checkDigitOfEveryNinePrefixMakesAValidNumberOrNone() {
        for (int i = 0; i < 20_000; i++) {
            String nine = String.format("%09d", i * 49_999L % 1_000_000_000L);
            int digit = NhsNumber.checkDigit(nine);
            if (digit < 10) {
                assertTrue(NhsNumber.isValid(nine + digit), nine);
                assertFalse(NhsNumber.isValid(nine + ((digit + 1) % 10)), nine);
            }
        }
    }

    @Test
    void neverPrintsTheWholeNumber() {
        assertEquals("******5919", NhsNumber.parse("9434765919").toString());
    }
}
