package org.kmcr.identity.rest;

import java.util.List;
import java.util.UUID;
import org.kmcr.identity.matching.FieldEvidence;
import org.kmcr.identity.service.ExplanationService.PairExplanation;

/**
 * How two source identities compare: the match probability, the summed field weight, what the matcher would do
 * (link, review, no-match) and why it holds back, and each field's level, weight and contribution in words.
 */
public record PairExplanationView(UUID left, UUID right, double probability, double weight, String outcome,
        List<String> heldBack, List<Field> fields) {

    public record Field(String field, String level, double weight, String explanation) {

        static Field of(FieldEvidence f) {
            return new Field(f.field().key(), f.level().name().toLowerCase(java.util.Locale.ROOT), f.weight(),
                    f.words());
        }
    }

    static PairExplanationView of(PairExplanation e) {
        return new PairExplanationView(e.left().id, e.right().id, e.decision().score().probability(),
                e.decision().score().weight(), e.decision().outcome().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-'), e.decision().reasons(),
                e.decision().score().fields().stream().map(Field::of).toList());
    }
}
