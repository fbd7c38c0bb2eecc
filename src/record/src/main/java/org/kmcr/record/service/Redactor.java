package org.kmcr.record.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.kmcr.common.consent.Redaction;

/** Removes redacted parts of a person's details from a stored FHIR resource. */
@ApplicationScoped
public class Redactor {

    /** The FHIR elements that hold each redactable part (Patient, RelatedPerson and the like). */
    static final Map<Redaction.Field, String> ELEMENTS = Map.of(Redaction.Field.ADDRESS, "address",
            Redaction.Field.TELECOM, "telecom", Redaction.Field.REGISTERED_PRACTICE, "generalPractitioner");

    private final ObjectMapper json;

    Redactor(ObjectMapper json) {
        this.json = json;
    }

    /** The resource without the fields; the stored text as it is when there is nothing to remove. */
    public String redact(String resource, Set<Redaction.Field> fields) {
        if (fields.isEmpty()) {
            return resource;
        }
        try {
            ObjectNode node = (ObjectNode) json.readTree(resource);
            boolean changed = false;
            for (Redaction.Field field : fields) {
                changed |= node.remove(ELEMENTS.get(field)) != null;
            }
            return changed ? json.writeValueAsString(node) : resource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
