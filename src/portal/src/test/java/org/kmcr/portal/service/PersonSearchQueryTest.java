package org.kmcr.portal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonSearchQueryTest {

    @ParameterizedTest(name = "{0} / {1} / {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "943 476 5919 |       |            | ",
            "943-476-5919 |       |            | ",
            "943 476 5918 |       |            | Modulus 11",
            "94347659     |       |            | exactly 10 digits",
            "             | Smith | 1950-03-14 | ",
            "             |       | 1950-03-14 | family name",
            "             | Smith |            | date of birth",
            "             | Smith | 14/03/1950 | year-month-day",
            "             | Smith | 2999-01-01 | in the past"})
    void aSearchIsCheckedBeforeAnyServiceIsAsked(String nhsNumber, String family, String birthDate, String error) {
        PersonSearch.Query query = PersonSearch.Query.of(blank(nhsNumber), blank(family), "", blank(birthDate), "");
        if (error == null) {
            assertTrue(query.errors().isEmpty(), query.errors().toString());
        } else {
            assertTrue(query.errors().stream().anyMatch(message -> message.contains(error)), query.errors().toString());
        }
        if (error == null && nhsNumber != null) {
            assertEquals("9434765919", query.nhsNumber());
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
