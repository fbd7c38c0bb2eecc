package org.kmcr.identity.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kmcr.identity.matching.Agreement;
import org.kmcr.identity.matching.ExpectationMaximisation;
import org.kmcr.identity.matching.FellegiSunter;
import org.kmcr.identity.matching.MatchField;
import org.kmcr.identity.matching.MatchSubject;
import org.kmcr.identity.matching.Weights;
import org.kmcr.identity.model.Demographics;

/**
 * Re-estimates the matcher's m/u weights from a loaded index, as Splink does: u from random pairs of source
 * identities (nearly all non-matches), then m and the prior by expectation maximisation over the pairs that
 * share a blocking key (the pairs the matcher actually scores). Prints the weights file to ship.
 */
final class WeightEstimator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FellegiSunter SCORER = FellegiSunter.shipped();

    private WeightEstimator() {
    }

    static Weights estimate(Connection db, int randomPairs, int blockedPairs) throws SQLException {
        List<MatchSubject> sample = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rows = st.executeQuery(
                "SELECT nhs_number, CAST(demographics AS text) FROM identity.source_identity ORDER BY random() LIMIT "
                        + 2 * randomPairs)) {
            while (rows.next()) {
                sample.add(subject(rows.getString(1), rows.getString(2)));
            }
        }
        List<Map<MatchField, Agreement>> random = new ArrayList<>();
        for (int i = 0; i + 1 < sample.size(); i += 2) {
            random.add(SCORER.levels(sample.get(i), sample.get(i + 1)));
        }
        List<Map<MatchField, Agreement>> blocked = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rows = st.executeQuery("""
                SELECT a.nhs_number, CAST(a.demographics AS text), b.nhs_number, CAST(b.demographics AS text)
                FROM identity.source_identity a
                JOIN identity.source_identity b ON a.blocking_keys && b.blocking_keys AND a.id < b.id
                ORDER BY random() LIMIT """ + blockedPairs)) {
            while (rows.next()) {
                blocked.add(SCORER.levels(subject(rows.getString(1), rows.getString(2)),
                        subject(rows.getString(3), rows.getString(4))));
            }
        }
        Weights start = Weights.shipped();
        return ExpectationMaximisation.estimate(blocked, start, ExpectationMaximisation.shares(random, start), 30);
    }

    private static MatchSubject subject(String nhsNumber, String demographics) {
        try {
            return MatchSubject.of(nhsNumber, demographics == null ? null
                    : JSON.readValue(demographics, Demographics.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
