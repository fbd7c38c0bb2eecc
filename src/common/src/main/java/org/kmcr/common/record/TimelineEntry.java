package org.kmcr.common.record;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact: an A&amp;E attendance, an admission, an outpatient or community appointment, a social care or mental
 * health episode.
 *
 * @param type         a stable code: {@code ae-attendance}, {@code admission}, {@code outpatient}, {@code community},
 *                     {@code social-care}, {@code mental-health}, ...
 * @param organisation the ODS code of the organisation the contact was with
 */
public record TimelineEntry(UUID id, String type, String display, String status, Instant start, Instant end,
        String organisation, String location, Provenance provenance) {
}
