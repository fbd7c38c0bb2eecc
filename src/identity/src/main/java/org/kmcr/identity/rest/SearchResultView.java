package org.kmcr.identity.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.model.Demographics;
import org.kmcr.identity.service.PersonSearchService.Found;

/**
 * One person found, with only what a caller needs to pick the right one: family and first name, date of birth,
 * the postcode district (not the full postcode), the score and the reasons, and the NHS number to open the record by.
 */
public record SearchResultView(UUID personId, BigDecimal score, String family, String given, String birthDate,
        String postcodeDistrict, List<String> reasons, String nhsNumber) {

    static SearchResultView of(Found found) {
        Demographics d = found.demographics() == null ? Demographics.NONE : found.demographics();
        return new SearchResultView(found.personId(), BigDecimal.valueOf(found.score()).setScale(4,
                RoundingMode.DOWN), d.family(), d.given() == null || d.given().isEmpty() ? null : d.given().get(0),
                d.birthDate(), MatchSubject.of(null, d).postcodeDistrict(), found.reasons(), found.nhsNumber());
    }
}
