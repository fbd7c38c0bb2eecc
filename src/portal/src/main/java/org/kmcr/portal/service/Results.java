package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.portal.client.ResultsClient;
import org.kmcr.portal.model.ResultsView;

/** A person's test results with their reference ranges, and trend charts of repeated tests. */
@ApplicationScoped
public class Results {

    private final ResultsClient record;

    Results(ResultsClient record) {
        this.record = record;
    }

    /** The results the user may see; a refusal (no relationship) is a failure as the timeline's is. */
    public Uni<ResultsView> of(String nhsNumber) {
        return record.observations(nhsNumber).map(bundle -> ResultCharts.of(nhsNumber, bundle))
                .onFailure().transform(failure -> switch (Failures.status(failure)) {
                    case 403 -> new PortalException(403, "You cannot see this person's results",
                            String.join(" ", Failures.messages(failure, "You may not see this record")));
                    case 404 -> new PortalException(404, "No record found",
                            "No organisation that shares records here has sent anything about this person.");
                    default -> Failures.unavailable("record", failure);
                });
    }
}
