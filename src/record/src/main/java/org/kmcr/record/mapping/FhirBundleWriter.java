package org.kmcr.record.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.kmcr.common.consent.CareCategory;
import org.kmcr.record.service.DisclosedItem;
import org.kmcr.record.service.Disclosure;

/**
 * Writes a disclosure as a FHIR R4 collection Bundle. Each resource is the JSON stored at ingest (or its redacted
 * form), copied as text: never parsed and re-serialised on the read path. Categories with withheld items end the
 * Bundle with an OperationOutcome whose issues (code {@code suppressed}) say "information withheld".
 */
@ApplicationScoped
public class FhirBundleWriter {

    public String toBundle(Disclosure disclosure) {
        StringBuilder out = new StringBuilder(256 + disclosure.items().stream()
                .mapToInt(i -> i.resource().length() + 64).sum());
        out.append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"")
                .append(Instant.now()).append("\",\"entry\":[");
        String separator = "";
        for (DisclosedItem item : disclosure.items()) {
            out.append(separator).append("{\"fullUrl\":\"urn:uuid:").append(item.item().id)
                    .append("\",\"resource\":").append(item.resource()).append('}');
            separator = ",";
        }
        if (!disclosure.withheld().isEmpty()) {
            out.append(separator).append("{\"resource\":{\"resourceType\":\"OperationOutcome\",\"issue\":[");
            String comma = "";
            for (CareCategory category : disclosure.withheld()) {
                out.append(comma).append("{\"severity\":\"information\",\"code\":\"suppressed\",")
                        .append("\"diagnostics\":\"Information withheld: ").append(category.code()).append("\"}");
                comma = ",";
            }
            out.append("]}}");
        }
        return out.append("]}").toString();
    }
}
