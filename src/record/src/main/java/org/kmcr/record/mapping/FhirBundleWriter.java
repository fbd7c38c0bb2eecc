package org.kmcr.record.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.kmcr.record.service.Disclosure;
import org.kmcr.recordmodel.model.CareItem;

/**
 * Writes a disclosure as a FHIR R4 collection Bundle. Each resource is the JSON stored at ingest, copied
 * as text: never parsed and re-serialised on the read path.
 */
@ApplicationScoped
public class FhirBundleWriter {

    public String toBundle(Disclosure disclosure) {
        StringBuilder out = new StringBuilder(256 + disclosure.items().stream()
                .mapToInt(i -> i.resource.length() + 64).sum());
        out.append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"")
                .append(Instant.now()).append("\",\"entry\":[");
        String separator = "";
        for (CareItem item : disclosure.items()) {
            out.append(separator).append("{\"fullUrl\":\"urn:uuid:").append(item.id)
                    .append("\",\"resource\":").append(item.resource).append('}');
            separator = ",";
        }
        return out.append("]}").toString();
    }
}
