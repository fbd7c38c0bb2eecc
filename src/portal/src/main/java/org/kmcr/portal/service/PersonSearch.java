package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.portal.client.PersonCandidate;
import org.kmcr.portal.client.PersonSearchClient;

/** The find-a-person form's checks and the MPI's search by demographics, as the signed-in user. */
@ApplicationScoped
public class PersonSearch {

    private final PersonSearchClient identity;

    PersonSearch(PersonSearchClient identity) {
        this.identity = identity;
    }

    public Uni<List<PersonCandidate>> candidates(Query query) {
        return identity.byDemographics(query.family(), query.given(), query.birthDate(), query.postcode())
                .onFailure().transform(failure -> Failures.is(failure, 400)
                        ? new PortalException(400, "Check the details you entered",
                                String.join(" ", Failures.messages(failure, "The search was not accepted")))
                        : Failures.unavailable("identity", failure));
    }

    /**
     * A search as typed, checked: an NHS number (its digits; format and Modulus 11 check digit) or a family name and
     * a date of birth (YYYY-MM-DD, not in the future), with the messages of the error summary.
     */
    public record Query(String nhsNumber, String family, String given, String birthDate, String postcode,
            List<String> errors) {

        public static Query of(String nhsNumber, String family, String given, String birthDate, String postcode) {
            List<String> errors = new ArrayList<>();
            if (!nhsNumber.isEmpty()) {
                String digits = NhsNumbers.digits(nhsNumber);
                NhsNumber.problemWith(digits).ifPresent(problem -> errors.add(problem + " (for example 999 123 4560)"));
                return new Query(errors.isEmpty() ? digits : null, null, null, null, null, errors);
            }
            if (family.isEmpty()) {
                errors.add("Enter an NHS number, or a family name and date of birth");
            }
            if (birthDate.isEmpty()) {
                errors.add("Enter a date of birth, for example 1950-03-14");
            } else {
                try {
                    if (LocalDate.parse(birthDate).isAfter(LocalDate.now())) {
                        errors.add("The date of birth must be in the past");
                    }
                } catch (DateTimeParseException e) {
                    errors.add("Enter the date of birth as year-month-day, for example 1950-03-14");
                }
            }
            return new Query(null, family, given.isEmpty() ? null : given, birthDate,
                    postcode.isEmpty() ? null : postcode, errors);
        }
    }
}
