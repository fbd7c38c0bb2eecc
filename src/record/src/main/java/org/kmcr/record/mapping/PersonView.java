package org.kmcr.record.mapping;

import java.util.List;
import java.util.UUID;

/** Who the summary is about, from the most recently received demographics a source sent. */
public record PersonView(UUID personId, String nhsNumber, String name, String birthDate, String gender,
        String postcode, List<String> registeredGpPractices) {
}
