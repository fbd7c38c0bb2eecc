package org.kmcr.ingest.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.kmcr.common.problem.Problem.FieldError;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.ingest.config.ValidationConfig;
import org.kmcr.ingest.config.ValidationConfig.Strictness;
import org.kmcr.ingest.fhir.Submission;
import org.kmcr.ingest.fhir.UkCoreValidator;
import org.kmcr.ingest.model.Sender;

/** Applies each feed's strictness to a submission that passed the structural checks. Blocking: call on a worker. */
@ApplicationScoped
public class FeedValidation {

    /** At most this many UK Core errors are reported for one bundle. */
    static final int MAX_ERRORS = 100;

    private final ValidationConfig config;
    private final UkCoreValidator ukCore;

    FeedValidation(ValidationConfig config, UkCoreValidator ukCore) {
        this.config = config;
        this.ukCore = ukCore;
    }

    void warmUp(@Observes StartupEvent event) {
        if (config.warmUp() && (config.defaultStrictness() == Strictness.UK_CORE
                || config.systems().containsValue(Strictness.UK_CORE))) {
            ukCore.warmUp();
        }
    }

    /** The feed's strictness. */
    public Strictness strictnessOf(Sender sender) {
        return config.systems().getOrDefault(sender.system(), config.defaultStrictness());
    }

    /**
     * The submission itself when its feed is validated structurally or its stored resources conform to UK Core;
     * otherwise a 422 problem with every error, located in the bundle.
     */
    public Submission check(Sender sender, Submission submission) {
        if (strictnessOf(sender) != Strictness.UK_CORE) {
            return submission;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < submission.entries().size() && errors.size() < MAX_ERRORS; i++) {
            var resource = submission.entries().get(i);
            if (submission.stores(resource)) {
                errors.addAll(ukCore.errors(resource, "Bundle.entry[" + i + "].resource"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Unprocessable entity", "The bundle does not conform to UK Core ("
                    + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + "); this feed is validated "
                    + "against the UK Core profiles", errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        return submission;
    }
}
