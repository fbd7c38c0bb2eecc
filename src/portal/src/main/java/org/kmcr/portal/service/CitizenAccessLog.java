package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.kmcr.portal.client.AccessLogClient;
import org.kmcr.portal.client.RecordAccess;
import org.kmcr.portal.model.AccessRow;

/** "Who has looked at my record": the audit log's citizen view, the newest 100 accesses. */
@ApplicationScoped
public class CitizenAccessLog {

    static final int SHOWN = 100;

    private final AccessLogClient audit;

    CitizenAccessLog(AccessLogClient audit) {
        this.audit = audit;
    }

    public Uni<List<AccessRow>> accesses() {
        return audit.myRecordAccesses(0, SHOWN)
                .map(accesses -> accesses.stream().map(CitizenAccessLog::row).toList())
                .onFailure().transform(failure -> Failures.unavailable("audit", failure));
    }

    static AccessRow row(RecordAccess access) {
        String organisation = access.organisationName() == null ? access.organisation()
                : access.organisationName() + " (" + access.organisation() + ")";
        String why = access.brokeGlass() ? "Emergency access without a care relationship (break glass): "
                + (access.breakGlassReason() == null ? "no reason given" : access.breakGlassReason())
                : "self-claimed".equals(access.basis()) ? "Said they care for you (to be checked by a privacy officer)"
                : "Your care" + (access.basis() == null ? "" : " (" + access.basis().replace('-', ' ') + ")");
        return new AccessRow(access.when() == null ? "" : SummaryViews.dayTime(access.when()), access.who(),
                access.role(), organisation, why, access.brokeGlass(), access.inWords());
    }
}
