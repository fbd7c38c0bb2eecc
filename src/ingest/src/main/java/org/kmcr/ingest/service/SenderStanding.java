package org.kmcr.ingest.service;

import java.util.List;
import org.kmcr.common.consent.SharingPartner;
import org.kmcr.recordmodel.model.SourceStanding;

/**
 * A sender's standing for the person header, from the partner register (never from the message): a registration
 * authority; a GP practice that names itself as the patient's registered practice; or any other source.
 */
final class SenderStanding {

    private SenderStanding() {
    }

    static SourceStanding of(SharingPartner sender, List<String> namedPractices) {
        if (SharingPartner.REGISTRATION_AUTHORITY.equals(sender.kind())) {
            return SourceStanding.REGISTRATION_AUTHORITY;
        }
        if (SharingPartner.GP_PRACTICE.equals(sender.kind()) && namedPractices.contains(sender.odsCode())) {
            return SourceStanding.REGISTERED_PRACTICE;
        }
        return SourceStanding.OTHER;
    }
}
