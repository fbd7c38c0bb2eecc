package org.kmcr.audit.mapping;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.kmcr.audit.model.AuditEntry;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.RelationshipAssertion;

/**
 * One access to a citizen's record as one plain English sentence: who, in what role, for which organisation,
 * what they did, when (UK time), and why. Break glass is said in words with its reason. A pure function.
 */
public final class AccessInWords {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    static final Map<String, String> WHY = Map.of(
            RelationshipAssertion.GP_REGISTRATION, "because you are registered with their GP practice",
            RelationshipAssertion.REFERRAL, "because you were referred to them",
            RelationshipAssertion.SELF_CLAIMED,
            "because they said they are caring for you (a privacy officer checks every such claim)",
            "self", "because it is your own record");

    private AccessInWords() {
    }

    /** @param organisationName the organisation's name; null to name it by its ODS code */
    public static String of(AuditEntry e, String organisationName) {
        String who = e.actorName == null ? "Someone" : e.actorName;
        String role = e.actorRole == null ? "" : " (" + e.actorRole.replace('-', ' ') + ")";
        String organisation = organisationName != null ? organisationName
                : e.actorOrg != null ? "organisation " + e.actorOrg : null;
        String at = organisation == null ? "" : " at " + organisation;
        String did = switch (e.outcome == null ? "" : e.outcome) {
            case "permitted" -> "looked at your record";
            case "withheld" -> "asked for your record and was shown nothing";
            case "denied", "not-found" -> "asked for your record and was refused";
            default -> "asked for your record (" + e.outcome + ")";
        };
        String when = WHEN.format(e.occurredAt.atZone(UK));
        String why = AccessDecision.BREAK_GLASS.equals(e.accessBasis)
                ? ", in an emergency without a care relationship (break glass), giving the reason \""
                        + e.breakGlassReason + "\"; a privacy officer reviews every such access"
                : !"permitted".equals(e.outcome) || e.accessBasis == null ? ""
                : ", " + WHY.getOrDefault(e.accessBasis, "because of their recorded " + e.accessBasis.replace('-', ' ')
                        + " with you");
        String purpose = e.purpose == null ? "" : " for " + e.purpose.replace('-', ' ');
        return who + role + at + " " + did + " on " + when + purpose + why + ".";
    }
}
