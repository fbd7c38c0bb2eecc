package org.kmcr.identity.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Fellegi-Sunter score of a pair of records: each field's evidence, their summed weight and the match
 * probability it gives with the prior.
 */
public record PairScore(List<FieldEvidence> fields, double weight, double probability) {

    public Agreement level(MatchField field) {
        return fields.stream().filter(f -> f.field() == field).findFirst().map(FieldEvidence::level)
                .orElse(Agreement.MISSING);
    }

    /** Per field key, the level and contribution in words: what a link stores and an explanation shows. */
    public Map<String, String> evidence() {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (FieldEvidence field : fields) {
            if (field.level() != Agreement.MISSING) {
                evidence.put(field.field().key(), field.words());
            }
        }
        return evidence;
    }
}
