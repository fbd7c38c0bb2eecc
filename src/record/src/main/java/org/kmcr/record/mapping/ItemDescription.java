package org.kmcr.record.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.kmcr.recordmodel.model.CareItem;

/**
 * What an item is (code system, code, display) and its status: the stored index columns where ingest filled them,
 * otherwise the first coded element of the stored resource that names it ({@code code},
 * {@code medicationCodeableConcept}, {@code vaccineCode}, {@code type}, {@code category}, {@code class}, ...), so
 * that every category can be shown, de-duplicated and compared, not only those ingest indexes.
 */
public record ItemDescription(String codeSystem, String code, String display, String status) {

    /** The elements that name a resource's subject matter, in the order they are looked for. */
    static final List<String> NAMING_ELEMENTS = List.of("code", "medicationCodeableConcept", "vaccineCode", "type",
            "category", "class", "relationship", "role");

    static ItemDescription of(CareItem item, JsonNode resource) {
        String system = item.codeSystem;
        String code = item.code;
        String display = item.display;
        if (code == null || display == null) {
            JsonNode concept = concept(resource);
            JsonNode coding = concept.path("coding").path(0);
            if (code == null && coding.hasNonNull("code")) {
                system = text(coding.path("system"));
                code = text(coding.path("code"));
            }
            if (display == null) {
                display = concept.hasNonNull("text") ? text(concept.path("text")) : text(coding.path("display"));
            }
            if (display == null) {
                display = firstText(resource, "name", "description", "title");
            }
        }
        String status = item.status;
        if (status == null) {
            status = resource.hasNonNull("status") ? text(resource.path("status"))
                    : text(resource.path("clinicalStatus").path("coding").path(0).path("code"));
        }
        return new ItemDescription(system, code, display, status);
    }

    private static JsonNode concept(JsonNode resource) {
        for (String element : NAMING_ELEMENTS) {
            JsonNode node = resource.path(element);
            if (node.isArray()) {
                node = node.path(0);
            }
            if (node.has("coding") || node.has("text")) {
                return node;
            }
            if (node.has("code") && node.has("system")) {
                // a bare Coding (Encounter.class)
                com.fasterxml.jackson.databind.node.ObjectNode wrapped =
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                wrapped.set("coding", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                        .add(node));
                return wrapped;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String firstText(JsonNode resource, String... elements) {
        for (String element : elements) {
            JsonNode node = resource.path(element);
            if (node.isTextual()) {
                return node.asText();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
