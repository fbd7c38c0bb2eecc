package org.kmcr.common.identity;

import java.util.List;

/**
 * What a source says about who a patient is; used for matching and display. Every field is optional;
 * {@code birthDate} and {@code deathDate} are FHIR dates, {@code registeredPractice} an ODS code, {@code email}
 * an e-mail address.
 */
public record Demographics(String family, List<String> given, String birthDate, String gender,
        List<String> addressLines, String town, String postcode, String telephone, String registeredPractice,
        String deathDate, String email) {

    /** Every field but the e-mail address (added later; existing callers keep this form). */
    public Demographics(String family, List<String> given, String birthDate, String gender,
            List<String> addressLines, String town, String postcode, String telephone, String registeredPractice,
            String deathDate) {
        this(family, given, birthDate, gender, addressLines, town, postcode, telephone, registeredPractice,
                deathDate, null);
    }

    /** Name, birth date, sex and postcode only: what most test and demo sources send. */
    public static Demographics basic(String family, List<String> given, String birthDate, String gender,
            String postcode) {
        return new Demographics(family, given, birthDate, gender, null, null, postcode, null, null, null);
    }
}
