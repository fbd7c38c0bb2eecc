package org.kmcr.record.rest;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.record.mapping.FhirResourceType;

/** What every FHIR request is checked for: its format, resource type and id, and how unknown parameters are handled. */
final class FhirRequests {

    /** The {@code _format} values that mean JSON; XML is not served (406). */
    static final Set<String> JSON_FORMATS = Set.of("json", "application/json", "application/fhir+json");

    private FhirRequests() {
    }

    static void checkFormat(UriInfo uri) {
        List<String> formats = uri.getQueryParameters().getOrDefault("_format", List.of());
        for (String format : formats) {
            // an unencoded + arrives as a space
            if (!JSON_FORMATS.contains(format.strip().replace(' ', '+'))) {
                throw new ProblemException(406, "Not acceptable", "Only FHIR JSON is served (_format json or "
                        + "application/fhir+json); " + format.strip() + " is not");
            }
        }
    }

    static FhirResourceType type(String name) {
        return FhirResourceType.ofName(name).orElseThrow(() -> ProblemException.notFound(
                "This server does not serve the resource type " + name));
    }

    static UUID id(FhirResourceType type, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No " + type.fhirName() + "/" + id + " is held here");
        }
    }

    /** {@code Prefer: handling=strict} turns unknown parameters into a 400; lenient (the default) ignores them. */
    static boolean strict(String prefer) {
        return prefer != null && prefer.replace(" ", "").toLowerCase().contains("handling=strict");
    }

    /** The FHIR base URL of this request ({@code http://host:port/fhir/r4}). */
    static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/fhir/r4";
    }
}
