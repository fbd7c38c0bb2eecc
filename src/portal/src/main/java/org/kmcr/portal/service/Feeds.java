package org.kmcr.portal.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.kmcr.portal.client.FeedHealth;
import org.kmcr.portal.client.FeedHealthClient;
import org.kmcr.portal.model.FeedRow;

/** The feed health page: every source's last message, rates, rejects and dead letters. */
@ApplicationScoped
public class Feeds {

    private final FeedHealthClient ingest;
    private final OrganisationNames names;

    Feeds(FeedHealthClient ingest, OrganisationNames names) {
        this.ingest = ingest;
        this.names = names;
    }

    public Uni<List<FeedRow>> health() {
        return ingest.feedHealth().chain(feeds -> names.current().map(known -> feeds.stream()
                        .map(feed -> row(feed, SummaryViews.organisation(feed.sourceOrg(), known), Instant.now()))
                        .toList()))
                .onFailure().transform(failure -> Failures.unavailable("ingest", failure));
    }

    static FeedRow row(FeedHealth feed, String organisation, Instant now) {
        return new FeedRow(organisation, feed.sourceSystem(), feed.feed(),
                feed.lastMessageAt() == null ? "none in 8 days" : SummaryViews.dayTime(feed.lastMessageAt())
                        + " (" + SummaryViews.age(feed.lastMessageAt(), now) + ")",
                feed.acceptedLastHour(), feed.acceptedLastDay(), feed.rejectedLastHour(), feed.rejectedLastDay(),
                feed.deadLettersWaiting());
    }
}
