package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kmcr.common.ingest.DeadLetterNotice;
import org.kmcr.common.ingest.FeedHealth;
import org.kmcr.portal.client.IngestClient;
import org.kmcr.portal.model.DeadLetterRow;
import org.kmcr.portal.model.FeedRow;

/**
 * The feed health page: every source's last message, rates, rejects and dead letters; for the platform operator
 * the dead letters themselves (as ingest's notices) and their replay.
 */
@ApplicationScoped
public class Feeds {

    /** The dead letters a page lists, newest first. */
    static final int PAGE = 100;

    private final IngestClient ingest;
    private final OrganisationNames names;

    Feeds(IngestClient ingest, OrganisationNames names) {
        this.ingest = ingest;
        this.names = names;
    }

    public Uni<List<FeedRow>> health() {
        return ingest.feedHealth().chain(feeds -> names.current().map(known -> feeds.stream()
                        .map(feed -> row(feed, SummaryViews.organisation(feed.sourceOrg(), known), Instant.now()))
                        .toList()))
                .onFailure().transform(failure -> Failures.unavailable("ingest", failure));
    }

    /** Every organisation's dead letters in the state ({@code open} or {@code replayed}), newest first. */
    public Uni<List<DeadLetterRow>> deadLetters(String state) {
        return ingest.deadLetters(state, PAGE).chain(letters -> names.current().map(known -> letters.stream()
                        .map(letter -> row(letter, known, Instant.now())).toList()))
                .onFailure().transform(failure -> Failures.unavailable("ingest", failure));
    }

    /**
     * Replays a dead letter as its sender; when ingest refuses it or it fails again, the messages that say so (its
     * status and title: the operator hears no more of the problem than that).
     */
    public Uni<List<String>> replay(UUID id) {
        return ingest.replay(id).map(done -> List.<String>of())
                .onFailure(failure -> Failures.status(failure) >= 400)
                .recoverWithItem(failure -> List.of("The replay did not complete (" + Failures.status(failure) + "): "
                        + Failures.messages(failure, "ingest gave no reason").get(0)))
                .onFailure().transform(failure -> Failures.unavailable("ingest", failure));
    }

    static FeedRow row(FeedHealth feed, String organisation, Instant now) {
        return new FeedRow(organisation, feed.sourceSystem(), feed.feed(), when(feed.lastMessageAt(), now,
                "none in 8 days"), feed.acceptedLastHour(), feed.acceptedLastDay(), feed.rejectedLastHour(),
                feed.rejectedLastDay(), feed.deadLettersWaiting());
    }

    static DeadLetterRow row(DeadLetterNotice letter, Map<String, String> known, Instant now) {
        return new DeadLetterRow(letter.id(), when(letter.receivedAt(), now, "unknown"),
                SummaryViews.organisation(letter.sourceOrg(), known), letter.sourceSystem(), letter.feed(),
                letter.status() + " " + letter.problem(),
                letter.fields().isEmpty() ? "the whole message" : String.join(", ", letter.fields()),
                letter.attempts(), when(letter.lastAttemptAt(), now, "never"));
    }

    private static String when(Instant at, Instant now, String none) {
        return at == null ? none : SummaryViews.dayTime(at) + " (" + SummaryViews.age(at, now) + ")";
    }
}
