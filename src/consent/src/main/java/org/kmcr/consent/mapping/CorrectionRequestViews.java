package org.kmcr.consent.mapping;

import java.util.Locale;
import org.kmcr.common.consent.CorrectionRequestView;
import org.kmcr.common.consent.CorrectionStatus;
import org.kmcr.consent.model.CorrectionRequestEntry;

/** A stored correction request as the API answers it. */
public final class CorrectionRequestViews {

    private CorrectionRequestViews() {
    }

    public static CorrectionRequestView of(CorrectionRequestEntry entry) {
        return new CorrectionRequestView(entry.id, entry.nhsNumber, entry.sourceOrg, entry.item, entry.correction,
                CorrectionStatus.valueOf(entry.status.toUpperCase(Locale.ROOT)), entry.requestedAt,
                entry.decidedAt, entry.decisionNote, entry.decidedByOrg);
    }
}
