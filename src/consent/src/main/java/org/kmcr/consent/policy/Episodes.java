package org.kmcr.consent.policy;

import java.time.LocalDate;
import org.kmcr.common.consent.RelationshipAssertion;

/**
 * Relationships are episodes. An open assertion while an episode is current changes nothing (its start never
 * moves); an end date from the source that asserted it (or a privacy officer) ends it, never later than it was
 * set to end; once ended, an episode is never reopened: a later assertion starts a new one after it, except a
 * re-sent copy of the message that started the ended one, which changes nothing. A referral lasts
 * {@link #REFERRAL_DAYS} days unless it says less, and never more than {@link #MAX_REFERRAL_DAYS}.
 */
public final class Episodes {

    public static final int REFERRAL_DAYS = 90;
    public static final int MAX_REFERRAL_DAYS = 365;

    private Episodes() {
    }

    /** The latest episode of a (person, organisation, kind). */
    public record Episode(LocalDate startedOn, LocalDate endsOn, String assertedByOrg, String sourceMessage) {

        boolean currentOn(LocalDate day) {
            return endsOn == null || !endsOn.isBefore(day);
        }
    }

    /** What a source (or an officer) asserts. */
    public record Proposal(String kind, LocalDate startedOn, LocalDate endsOn, String asserterOrg,
            boolean byPrivacyOfficer, String sourceMessage) {
    }

    /** What to do with a proposal. */
    public sealed interface Step permits Unchanged, Start, End, Refuse {
    }

    public record Unchanged() implements Step {
    }

    public record Start(LocalDate startedOn, LocalDate endsOn) implements Step {
    }

    public record End(LocalDate endsOn) implements Step {
    }

    public record Refuse(String reason) implements Step {
    }

    /** @param latest the latest episode, or null when there has been none */
    public static Step next(Episode latest, Proposal proposal, LocalDate today) {
        if (latest != null && latest.currentOn(today)) {
            return proposal.endsOn() == null ? new Unchanged() : ending(latest, proposal);
        }
        if (latest != null && latest.sourceMessage().equals(proposal.sourceMessage())) {
            return new Unchanged();
        }
        LocalDate start = proposal.startedOn() == null ? today : proposal.startedOn();
        if (latest != null && !start.isAfter(latest.endsOn())) {
            start = latest.endsOn().plusDays(1);
        }
        LocalDate end = proposal.endsOn();
        if (RelationshipAssertion.REFERRAL.equals(proposal.kind())) {
            LocalDate longest = start.plusDays(MAX_REFERRAL_DAYS - 1L);
            end = end == null ? start.plusDays(REFERRAL_DAYS - 1L) : end.isAfter(longest) ? longest : end;
        }
        if (end != null && end.isBefore(start)) {
            return new Refuse("It would end on " + end + ", before it starts on " + start);
        }
        return new Start(start, end);
    }

    private static Step ending(Episode current, Proposal proposal) {
        if (!proposal.byPrivacyOfficer() && !current.assertedByOrg().equals(proposal.asserterOrg())) {
            return new Refuse("Only " + current.assertedByOrg() + ", which asserted this relationship, or a privacy "
                    + "officer can end it");
        }
        if (proposal.endsOn().isBefore(current.startedOn())) {
            return new Refuse("It cannot end on " + proposal.endsOn() + ", before it started on "
                    + current.startedOn());
        }
        if (current.endsOn() != null && !proposal.endsOn().isBefore(current.endsOn())) {
            return current.endsOn().equals(proposal.endsOn()) ? new Unchanged() : new Refuse("It already ends on "
                    + current.endsOn() + "; an end is never moved later: assert a new relationship once it has ended");
        }
        return new End(proposal.endsOn());
    }
}
