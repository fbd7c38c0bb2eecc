package org.kmcr.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.kmcr.common.ingest.DeadLetterNotice;
import org.kmcr.ingest.model.DeadLetter;
import org.kmcr.ingest.model.Feed;

/**
 * A dead letter as the platform operator may see it: of its kept problem ({@code {title, detail, errors}}) only the
 * title and the places the errors name; the detail and the errors' messages can quote the message (a birth date, a
 * name), so they stay behind. A place that names an item by its source id ({@code Encounter/V123}, or a Patient by
 * its MRN) keeps only the resource type: a source id can identify the person.
 */
final class DeadLetterNotices {

    /** A resource named by type and source id, as the HL7 path and the item writer name what they refuse. */
    private static final Pattern SOURCE_KEY = Pattern.compile("[A-Z][A-Za-z]+/.+");

    private DeadLetterNotices() {
    }

    static DeadLetterNotice of(DeadLetter letter, ObjectMapper json) {
        JsonNode problem = problem(letter.error, json);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> {
            if (error.hasNonNull("field")) {
                fields.add(withoutSourceId(error.get("field").asText()));
            }
        });
        return new DeadLetterNotice(letter.id, letter.receivedAt, letter.sourceOrg, letter.sourceSystem,
                Feed.ofContentType(letter.contentType).code(), letter.status,
                problem.path("title").asText("Unknown problem"), List.copyOf(fields), letter.state, letter.attempts,
                letter.lastAttemptAt);
    }

    static String withoutSourceId(String field) {
        return SOURCE_KEY.matcher(field).matches() ? field.substring(0, field.indexOf('/')) : field;
    }

    private static JsonNode problem(String error, ObjectMapper json) {
        if (error == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(error);
        } catch (JsonProcessingException unreadable) {
            return json.createObjectNode();
        }
    }
}
