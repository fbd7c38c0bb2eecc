package org.kmcr.record.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kmcr.common.analytics.AnalyticsTable;
import org.kmcr.common.analytics.Breakdown;
import org.kmcr.common.analytics.HotSpotTable;
import org.kmcr.common.analytics.Measure;
import org.kmcr.common.analytics.MeasureKind;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.GovernanceEvents;
import org.kmcr.common.consent.AccessDecision;
import org.kmcr.common.consent.AccessRequest;
import org.kmcr.common.consent.Action;
import org.kmcr.common.consent.CallerDetails;
import org.kmcr.common.consent.ConsentClient;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Caller;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.model.AnalyticsQuery;
import org.kmcr.record.policy.HotSpots;
import org.kmcr.record.policy.SmallCounts;
import org.kmcr.record.repository.AnalyticsRepository;
import org.kmcr.record.repository.AnalyticsRepository.MeasureRow;

/**
 * Population analytics for analysts (issue 13): consent decides (action analytics, about no one person); the
 * measure's category must be among those permitted; the national data opt-out list is left out of every count; the
 * counts pass the small-number rules ({@link SmallCounts}, {@link HotSpots}); the query is audited, and the audit
 * committed, before any figure is returned. Refusals are audited as well.
 */
@ApplicationScoped
public class AnalyticsService {

    /** The audit action of a query: {@code analytics.<measure>.<breakdown>} (never {@code record.*}: no record is opened). */
    public static final String AUDIT_PREFIX = "analytics.";
    public static final String LIST_MEASURES = "analytics.measures";
    static final int DEFAULT_WEEKS = 12;

    private final AnalyticsRepository repository;
    private final AnalyticsMeasures measures;
    private final ConsentClient consent;
    private final AuditClient audit;
    private final OptOutExclusion optOut;
    private final RecordConfig config;
    private final Clock clock = Clock.systemUTC();

    AnalyticsService(AnalyticsRepository repository, AnalyticsMeasures measures, ConsentClient consent,
            AuditClient audit, OptOutExclusion optOut, RecordConfig config) {
        this.repository = repository;
        this.measures = measures;
        this.consent = consent;
        this.audit = audit;
        this.optOut = optOut;
        this.config = config;
    }

    /** The measures defined, each marked available when the caller's decision permits its category. */
    public Uni<List<Measure>> measures(Caller caller) {
        return decide(caller).chain(decision -> {
            if (!decision.permitted()) {
                return refuse(caller, decision, LIST_MEASURES, List.of(), decision.reason());
            }
            return measures.all().chain(rows -> audit.record(event(caller, decision, LIST_MEASURES,
                    "permitted", List.of())).map(receipt -> rows.stream().map(row -> new Measure(row.code(),
                    row.title(), row.description(), row.kind(), row.category(),
                    decision.categoryCodes().contains(row.category()))).toList()));
        });
    }

    /** The published table of one measure by one breakdown over whole weeks. */
    public Uni<AnalyticsTable> table(Caller caller, String code, String byText, String fromText, String toText) {
        Breakdown by = breakdown(byText);
        LocalDate[] period = period(fromText, toText);
        return measure(code).chain(measure -> {
            if (measure.kind() == MeasureKind.CURRENT && by == Breakdown.WEEK) {
                throw ProblemException.badRequest("by: " + measure.code() + " counts people now; a current "
                        + "measure has no weekly trend");
            }
            AnalyticsQuery query = new AnalyticsQuery(measure.code(), by, period[0], period[1]);
            return permitted(caller, measure, AUDIT_PREFIX + measure.code() + "." + by.code())
                    .chain(decision -> optOut.current().chain(() -> repository.count(measure, by, query.from(),
                            query.to(), today()).map(counts -> {
                                SmallCounts.Published published = SmallCounts.publish(counts.groups(), counts.total());
                                boolean event = measure.kind() == MeasureKind.EVENT;
                                return new AnalyticsTable(measure.code(), measure.title(), measure.kind(), by,
                                        event ? query.from() : null, event ? query.to() : null,
                                        counts.optOutListDate(), Instant.now(), published.cells(),
                                        published.total());
                            })).chain(table -> audit.record(event(caller, decision, AUDIT_PREFIX + measure.code()
                                    + "." + by.code(), "permitted", List.of(measure.category()))).map(r -> table)));
        });
    }

    /** The districts whose rate of an event measure rises fastest over the 7 days to {@code toText}. */
    public Uni<HotSpotTable> hotSpots(Caller caller, String code, String toText, Integer minimum) {
        LocalDate to = toText == null ? today() : date("to", toText);
        int minimumCount = minimum == null ? HotSpots.DEFAULT_MINIMUM_COUNT : minimum;
        if (minimumCount < HotSpots.DEFAULT_MINIMUM_COUNT) {
            throw ProblemException.badRequest("minimum: at least " + HotSpots.DEFAULT_MINIMUM_COUNT
                    + " people in the recent week (a smaller minimum would rank small counts)");
        }
        return measure(code).chain(measure -> {
            if (measure.kind() != MeasureKind.EVENT) {
                throw ProblemException.badRequest(measure.code() + " counts people now; hot spots compare two "
                        + "weeks of an event measure");
            }
            String action = AUDIT_PREFIX + measure.code() + ".hot-spots";
            return permitted(caller, measure, action)
                    .chain(decision -> optOut.current().chain(() -> repository.districtWeeks(measure, to))
                            .map(weeks -> new HotSpotTable(measure.code(), measure.title(), to, 7, minimumCount,
                                    weeks.optOutListDate(), HotSpots.rank(weeks.districts(), minimumCount, 20)))
                            .chain(table -> audit.record(event(caller, decision, action, "permitted",
                                    List.of(measure.category()))).map(r -> table)));
        });
    }

    private Uni<MeasureRow> measure(String code) {
        return measures.find(code).map(found -> found.measure().orElseThrow(() -> ProblemException.notFound(
                "No measure " + code + "; the measures are " + found.all().stream().map(MeasureRow::code)
                        .collect(Collectors.joining(", ")))));
    }

    /** Consent's decision, refused (audited, 403) unless it permits the measure's category. */
    private Uni<AccessDecision> permitted(Caller caller, MeasureRow measure, String action) {
        return decide(caller).chain(decision -> {
            if (!decision.permitted()) {
                return refuse(caller, decision, action, List.of(measure.category()), decision.reason());
            }
            if (!decision.categoryCodes().contains(measure.category())) {
                return refuse(caller, decision, action, List.of(measure.category()), "The access policy does not "
                        + "permit analysts the category " + measure.category() + " that " + measure.code()
                        + " counts.");
            }
            return Uni.createFrom().item(decision);
        });
    }

    private Uni<AccessDecision> decide(Caller caller) {
        return consent.decide(new AccessRequest(null, null, Action.ANALYTICS, CallerDetails.of(caller), null));
    }

    private <T> Uni<T> refuse(Caller caller, AccessDecision decision, String action, List<String> categories,
            String reason) {
        return audit.record(event(caller, decision, action, "denied", categories)).map(receipt -> {
            throw ProblemException.forbidden(reason);
        });
    }

    private static AuditEvent event(Caller caller, AccessDecision decision, String action, String outcome,
            List<String> categories) {
        return new AuditEvent(UUID.randomUUID(), Instant.now(), action, outcome, GovernanceEvents.actorOf(caller),
                Action.ANALYTICS.purpose().code(), decision.auditBasis(), null, null, null, categories);
    }

    private static Breakdown breakdown(String text) {
        Breakdown by = Breakdown.ofCode(text == null ? Breakdown.WEEK.code() : text);
        if (by == null) {
            throw ProblemException.badRequest("by: must be one of " + Arrays.stream(Breakdown.values())
                    .map(Breakdown::code).collect(Collectors.joining(", ")));
        }
        return by;
    }

    /** The period in whole weeks: from the Monday of {@code from}'s week to the Sunday of {@code to}'s. */
    private LocalDate[] period(String fromText, String toText) {
        LocalDate to = (toText == null ? today() : date("to", toText))
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate from = (fromText == null ? to.minusWeeks(DEFAULT_WEEKS).plusDays(1) : date("from", fromText))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("from: must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) > config.analyticsMaxPeriod().toDays()) {
            throw ProblemException.badRequest("from: a table covers at most " + config.analyticsMaxPeriod().toDays()
                    + " days");
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + ": must be a date (YYYY-MM-DD)");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
