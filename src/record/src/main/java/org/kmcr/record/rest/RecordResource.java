package org.kmcr.record.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.kmcr.common.consent.BreakGlass;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.record.RecordSummary;
import org.kmcr.common.record.TimelinePage;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.record.config.RecordConfig;
import org.kmcr.record.mapping.SummaryMapper;
import org.kmcr.record.mapping.TimelineCursor;
import org.kmcr.record.mapping.TimelineMapper;
import org.kmcr.record.model.TimelineRequest;
import org.kmcr.record.model.TimelineType;
import org.kmcr.record.service.RecordQueries;

/**
 * A person's record for professionals (with a care relationship, or breaking glass) and for the person: the
 * summary and the timeline, in the {@code org.kmcr.common.record} contract.
 */
@Path("/api/records/{nhsNumber}")
@Authenticated
public class RecordResource {

    static final String SUMMARY_READ = RecordQueries.SUMMARY_READ;

    private final RecordQueries queries;
    private final SummaryMapper mapper;
    private final TimelineMapper timelineMapper;
    private final CurrentCaller caller;
    private final RecordConfig config;

    RecordResource(RecordQueries queries, SummaryMapper mapper, TimelineMapper timelineMapper, CurrentCaller caller,
            RecordConfig config) {
        this.queries = queries;
        this.mapper = mapper;
        this.timelineMapper = timelineMapper;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<RecordSummary> summary(@PathParam("nhsNumber") String nhsNumber) {
        return queries.summary(caller.get(), nhsNumber, null).map(mapper::toSummary);
    }

    /**
     * A professional's own claim that their organisation cares for the person, then the summary: the claim lasts
     * 30 days and every access on it is queued for a privacy officer's review.
     */
    @POST
    @Path("/self-claim")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<RecordSummary> selfClaim(@PathParam("nhsNumber") String nhsNumber,
            @Valid @NotNull SelfClaimRequest request) {
        return queries.claimAndSummarise(caller.get(), nhsNumber, request.reason().strip()).map(mapper::toSummary);
    }

    /**
     * Emergency access without a care relationship, with a reason from the fixed list and the professional's own
     * words: allowed (past an objection only for the person's vital interests), audited as such, queued for review,
     * and lasting for the break-glass window.
     */
    @POST
    @Path("/break-glass")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
    public Uni<RecordSummary> breakGlass(@PathParam("nhsNumber") String nhsNumber, @Valid @NotNull BreakGlass request) {
        return queries.summary(caller.get(), nhsNumber, new BreakGlass(request.reason(), request.text().strip()))
                .map(mapper::toSummary);
    }

    /**
     * The person's contacts with health and social care, most recent first, a page at a time: pass the answer's
     * {@code nextCursor} back as {@code cursor} for the next page.
     */
    @GET
    @Path("/timeline")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PATIENT})
    public Uni<TimelinePage> timeline(@PathParam("nhsNumber") String nhsNumber, @QueryParam("type") String type,
            @QueryParam("organisation") String organisation, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        TimelineRequest request = new TimelineRequest(type(type), organisation(organisation),
                TimelineCursor.decode(cursor), limit(limit));
        return queries.timeline(caller.get(), nhsNumber, request).map(timelineMapper::toPage);
    }

    private static TimelineType type(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return TimelineType.filterOf(code).orElseThrow(() -> ProblemException.badRequest("type must be one of "
                + Arrays.stream(TimelineType.values()).filter(t -> TimelineType.filterOf(t.code()).isPresent())
                        .map(TimelineType::code).collect(Collectors.joining(", "))));
    }

    private static String organisation(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!code.matches("[A-Za-z0-9]{3,10}")) {
            throw ProblemException.badRequest("organisation must be an ODS code (3 to 10 letters and digits)");
        }
        return code.toUpperCase(java.util.Locale.ROOT);
    }

    private int limit(Integer limit) {
        if (limit == null) {
            return config.timelineDefaultLimit();
        }
        if (limit < 1 || limit > config.timelineMaxLimit()) {
            throw ProblemException.badRequest("limit must be between 1 and " + config.timelineMaxLimit());
        }
        return limit;
    }
}
