package org.kmcr.common.identity;

import java.util.List;

/** What a source says about who a patient is; used for matching and display. */
public record Demographics(String family, List<String> given, String birthDate, String gender, String postcode) {
}
