package org.kmcr.common.identity;

import java.util.List;

/**
 * What a source says about who a patient is; used for matching and display. Every field is optional;
 * {@code birthDate} and {@code deathDate} are FHIR dates, {@code registeredPractice} an ODS code.
 */
public record Demographics(String family, List<String> given, String birthDate, String gender,
        List<String> addressLines, String town, String postcode, String telephone, String registeredPractice,
        String deathDate) {

    /** Name, birth date, sex and postcode only: what most test and demo sources send. */
    public static Demographics basic(String family, List<String> given, String birthDate, String gender,
            String postcode) {
        return new Demographics(family, given, birthDate, gender, null, null, postcode, null, null, null);
    }
}
