package org.kmcr.common.record;

import java.util.List;
import java.util.UUID;

/**
 * Who the record is about, from the demographics of the source that comes first in the header precedence.
 *
 * @param headerSource the ODS code of the organisation whose Patient the header shows
 */
public record PersonHeader(UUID personId, String nhsNumber, String name, String birthDate, String gender,
        String postcode, List<String> registeredGpPractices, String headerSource) {
}
