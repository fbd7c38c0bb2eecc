package org.kmcr.audit.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kmcr.audit.service.GroupCommit;
import org.kmcr.common.testing.KmcrTestEnvironment;

/**
 * {@link GroupCommitBenchmark} with {@code kmcr.audit.append.max-batch=1}: one event per transaction and one
 * fsync per event, appends serialised on the log lock, as before group commit. Same code path otherwise.
 */
@QuarkusTest
@QuarkusTestResource(KmcrTestEnvironment.class)
@TestProfile(SerialAppendBenchmark.OneEventPerTransaction.class)
@EnabledIfSystemProperty(named = "kmcr.bench", matches = "true")
public class SerialAppendBenchmark {

    public static class OneEventPerTransaction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kmcr.audit.append.max-batch", "1");
        }
    }

    @TestHTTPResource("/api/audit-events")
    URI endpoint;

    @Inject
    MeterRegistry meters;

    @Inject
    GroupCommit groupCommit;

    @Test
    void appendRates() throws Exception {
        groupCommit.waiting();
        GroupCommitBenchmark.measure("serial (1 per transaction)", endpoint, meters);
    }
}
