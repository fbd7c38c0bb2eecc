package org.kmcr.audit.health;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.kmcr.audit.service.TreeCheck;
import org.kmcr.audit.service.TreeVerifier;

/**
 * The newest check of the Merkle tree against its signed checkpoint, at {@code /q/health/group/integrity} on the
 * management port. Deliberately not a readiness or liveness check: a tampered log must raise an alarm, not take the
 * audit service (and so every disclosure, which fails closed without it) down.
 */
@HealthGroup("integrity")
@ApplicationScoped
public class TreeIntegrityCheck implements HealthCheck {

    private final TreeVerifier verifier;

    TreeIntegrityCheck(TreeVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public HealthCheckResponse call() {
        TreeCheck last = verifier.last();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("audit-merkle-tree");
        if (last == null) {
            return answer.up().withData("checked", false).build();
        }
        answer.status(last.valid()).withData("checked", true).withData("checkedAt", last.checkedAt().toString());
        if (last.checkpointSize() != null) {
            answer.withData("checkpointSize", last.checkpointSize());
        }
        if (last.problem() != null) {
            answer.withData("problem", last.problem());
        }
        return answer.build();
    }
}
