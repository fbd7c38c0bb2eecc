package org.kmcr.systemtests.demo;

import java.time.LocalDate;

/** Who a synthetic person is, as a partner system's Patient resource states it. */
record Demographics(String nhsNumber, String given, String family, String gender, LocalDate birthDate,
        String addressLine, String city, String postcode, String gpPractice) {

    String fullName() {
        return given + " " + family;
    }
}
