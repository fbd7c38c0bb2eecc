package org.kmcr.identity.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kmcr.identity.model.Demographics;

/** A link is checked against every record of the person it joins: no two people chained through a third. */
class PersonCheckTest {

    static final FellegiSunter SCORER = FellegiSunter.shipped();

    static MatchSubject subject(String nhs, String given, String family, String born, String email) {
        return MatchSubject.of(nhs, new Demographics(family, List.of(given), born, "female", null, null, "KM1 1AA",
                null, null, null, email));
    }

    static PersonCheck.Member member(MatchSubject incoming, MatchSubject known) {
        return new PersonCheck.Member(known, MatchDecision.of(SCORER.score(incoming, known, NameFrequencies.NONE),
                incoming, known, SCORER.weights()));
    }

    @Test
    void aRecordThatLinksToOneRecordButIsATwinOfAnotherOfThePersonGoesToReview() {
        // the person: Mary, and a later record of hers with her e-mail address; the new record is Anne, her twin,
        // sharing the family e-mail address with the later record
        MatchSubject mary = subject(null, "Mary", "Jones", "2001-06-09", null);
        MatchSubject maryWithEmail = subject(null, "Mary", "Jones", "2001-06-09", "jones.family@example.org");
        MatchSubject anne = subject(null, "Anne", "Jones", "2001-06-09", "jones.family@example.org");
        PersonCheck.Member best = new PersonCheck.Member(maryWithEmail, new MatchDecision(MatchOutcome.LINK,
                SCORER.score(anne, maryWithEmail, NameFrequencies.NONE), List.of()));
        MatchDecision checked = PersonCheck.of(best, List.of(best, member(anne, mary)), Nicknames.shipped());
        assertEquals(MatchOutcome.REVIEW, checked.outcome());
        assertTrue(checked.reasons().get(0).contains("possible twins"), checked.reasons().toString());
    }

    @Test
    void aDifferentValidNhsNumberOnAnotherRecordOfThePersonHoldsTheLinkBack() {
        MatchSubject known = subject("9990000026", "Mary", "Jones", "1970-03-04", null);
        MatchSubject other = subject(null, "Mary", "Jones", "1970-03-04", null);
        MatchSubject incoming = subject("9990000018", "Mary", "Jones", "1970-03-04", null);
        PersonCheck.Member best = member(incoming, other);
        assertEquals(MatchOutcome.LINK, best.decision().outcome());
        MatchDecision checked = PersonCheck.of(best, List.of(best, member(incoming, known)), Nicknames.shipped());
        assertEquals(MatchOutcome.REVIEW, checked.outcome());
        assertEquals(List.of("another record of this person has a different valid NHS number"), checked.reasons());
    }

    @Test
    void aFirstNameTheRecordsOfThePersonAlreadyDisagreeOnIsNoTwin() {
        // the person's own records already carry the garbled first name: the difference is the person's
        MatchSubject garbled = subject(null, "Xqzt", "Jones", "1970-03-04", "mj70@example.org");
        MatchSubject known = subject(null, "Mary", "Jones", "1970-03-04", "mj70@example.org");
        MatchSubject incoming = subject(null, "Mary", "Jones", "1970-03-04", "mj70@example.org");
        PersonCheck.Member best = member(incoming, known);
        assertEquals(MatchOutcome.LINK, best.decision().outcome());
        PersonCheck.Member twinLike = new PersonCheck.Member(garbled, MatchDecision.of(
                SCORER.score(incoming, garbled, NameFrequencies.NONE), incoming, garbled, SCORER.weights()));
        assertTrue(twinLike.decision().reasons().get(0).startsWith(MatchDecision.TWINS));
        assertEquals(MatchOutcome.LINK, PersonCheck.of(best, List.of(best, twinLike), Nicknames.shipped())
                .outcome(), "the person's own Mary and Xqzt already differ: linking another Mary chains no one new");
    }

    @Test
    void aRecordWithoutAFirstNameThatFitsEitherTwinGoesToReview() {
        MatchSubject mary = subject(null, "Mary", "Jones", "2001-06-09", null);
        MatchSubject anne = subject(null, "Anne", "Jones", "2001-06-09", null);
        MatchSubject noFirstName = MatchSubject.of(null, new Demographics("Jones", null, "2001-06-09", "female",
                null, null, "KM1 1AA", null, null, null, null));
        PersonCheck.Member toMary = member(noFirstName, mary);
        PersonCheck.Member toAnne = member(noFirstName, anne);
        assertEquals(MatchOutcome.LINK, toMary.decision().outcome(), "on its own, either twin would be linked");
        MatchDecision checked = PersonCheck.against(toMary, toAnne, SCORER);
        assertEquals(MatchOutcome.REVIEW, checked.outcome());
        assertEquals(List.of(PersonCheck.RIVAL), checked.reasons());
    }

    @Test
    void twoCandidatesThatLookLikeOnePersonDoNotHoldTheLinkBack() {
        // one woman's records split into two persons: the new record fits both, and either is right
        MatchSubject mary = subject(null, "Mary", "Jones", "1970-03-04", null);
        MatchSubject maryAgain = subject(null, "Marie", "Jones", "1970-03-04", null);
        MatchSubject incoming = subject(null, "Mary", "Jones", "1970-03-04", null);
        PersonCheck.Member best = member(incoming, mary);
        PersonCheck.Member rival = member(incoming, maryAgain);
        assertEquals(MatchOutcome.LINK, rival.decision().outcome());
        assertEquals(best.decision(), PersonCheck.against(best, rival, SCORER));
    }

    @Test
    void aRivalThatWouldOnlyBeReviewedDoesNotHoldALinkBack() {
        MatchSubject mary = subject(null, "Mary", "Jones", "1970-03-04", null);
        MatchSubject namesake = subject(null, "Mary", "Jones", "1988-10-21", null);
        MatchSubject incoming = subject(null, "Mary", "Jones", "1970-03-04", null);
        PersonCheck.Member toMary = member(incoming, mary);
        PersonCheck.Member toNamesake = member(incoming, namesake);
        assertTrue(toNamesake.decision().outcome() != MatchOutcome.LINK, toNamesake.decision().toString());
        assertEquals(toMary.decision(), PersonCheck.against(toMary, toNamesake, SCORER));
        assertEquals(toMary.decision(), PersonCheck.against(toMary, null, SCORER));
    }
}
