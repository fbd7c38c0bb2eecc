package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.security.Caller;
import org.kmcr.record.model.TimelineRequest;

/**
 * The record-query answers of {@code /api/records}: the bounded summary (also after a self-claim or breaking
 * glass) with its sources' freshness, and timeline pages; each through {@link SummaryService}'s one read path
 * (consent decides, audit commits, obligations are met, then data leaves).
 */
@ApplicationScoped
public class RecordQueries {

    public static final String SUMMARY_READ = "record.summary.read";
    public static final String TIMELINE_READ = "record.timeline.read";

    private final SummaryService service;
    private final SummaryWindowReader summaries;
    private final TimelineReader timelines;
    private final FeedFreshness freshness;

    RecordQueries(SummaryService service, SummaryWindowReader summaries, TimelineReader timelines,
            FeedFreshness freshness) {
        this.service = service;
        this.summaries = summaries;
        this.timelines = timelines;
        this.freshness = freshness;
    }

    /** The summary; {@code breakGlass} is the caller's emergency reason, or null for a normal access. */
    public Uni<SummaryAnswer> summary(Caller caller, String nhsNumber, BreakGlass breakGlass) {
        return service.read(caller, nhsNumber, Action.SUMMARY, SUMMARY_READ, breakGlass, summaries)
                .chain(this::withFreshness);
    }

    /**
     * The same bounded summary for {@code Patient/$summary}: the most recent items of each permitted category, never
     * the whole record (a 100,000-item record would not fit in memory).
     */
    public Uni<Disclosure> fhirSummary(Caller caller, String nhsNumber) {
        return service.read(caller, nhsNumber, Action.SUMMARY, SUMMARY_READ, null, summaries).map(Window::disclosure);
    }

    /** Records the caller's self-claimed relationship with the person, then the summary. */
    public Uni<SummaryAnswer> claimAndSummarise(Caller caller, String nhsNumber, String reason) {
        return service.claimAndRead(caller, nhsNumber, Action.SUMMARY, SUMMARY_READ, reason, summaries)
                .chain(this::withFreshness);
    }

    /** One page of the person's timeline. */
    public Uni<Window> timeline(Caller caller, String nhsNumber, TimelineRequest request) {
        return service.read(caller, nhsNumber, Action.TIMELINE, TIMELINE_READ, null, timelines.page(request));
    }

    private Uni<SummaryAnswer> withFreshness(Window window) {
        return freshness.of(window.disclosure().items().stream().map(DisclosedItem::item).toList())
                .map(sources -> new SummaryAnswer(window, sources));
    }
}
