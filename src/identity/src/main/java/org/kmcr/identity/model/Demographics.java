package org.kmcr.identity.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a source says about who a patient is, stored as given for matching and display. Every field is
 * optional; birthDate is a FHIR date (year, year-month or full date); email is stored as sent and
 * compared only when it has a local part and an @ (a malformed address from a source is kept, not refused).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Demographics(
        @Size(max = 200) String family,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> given,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?", message = "must be a date such as 1970-01-01")
        String birthDate,
        @Pattern(regexp = "male|female|other|unknown", message = "must be one of male, female, other, unknown")
        String gender,
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> addressLines,
        @Size(max = 100) String town,
        @Size(max = 10) String postcode,
        @Size(max = 40) String telephone,
        @Size(max = 20) String registeredPractice,
        @Pattern(regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?.*", message = "must be a date such as 2020-01-01")
        String deathDate,
        @Size(max = 254) String email) {

    /** Every field but the e-mail address (added later; existing callers keep this form). */
    public Demographics(String family, List<String> given, String birthDate, String gender,
            List<String> addressLines, String town, String postcode, String telephone, String registeredPractice,
            String deathDate) {
        this(family, given, birthDate, gender, addressLines, town, postcode, telephone, registeredPractice,
                deathDate, null);
    }

    /** A source that says nothing about who the patient is. */
    public static final Demographics NONE = basic(null, null, null, null, null);

    /** Name, birth date, sex and postcode only. */
    public static Demographics basic(String family, List<String> given, String birthDate, String gender,
            String postcode) {
        return new Demographics(family, given, birthDate, gender, null, null, postcode, null, null, null);
    }
}
