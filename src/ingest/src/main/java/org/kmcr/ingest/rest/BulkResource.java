package org.kmcr.ingest.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.ingest.bulk.ExtractFormat;
import org.kmcr.ingest.model.RowOutcome;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.BulkJobService;
import org.kmcr.ingest.service.BulkJobStore;

/**
 * Bulk social care extracts from local authority systems: a CSV or JSON-lines file is posted, answered at once with
 * its job (202), loaded in batches while the sender follows the job's counts, and reported row by row.
 */
@Path(BulkResource.PATH)
@Authenticated
public class BulkResource {

    static final String PATH = "/api/bulk/social-care";
    static final String ROWS = "ingest.bulk.rows";

    private final BulkJobService service;
    private final BulkJobStore jobs;
    private final CurrentCaller caller;
    private final GovernanceAudit audit;

    BulkResource(BulkJobService service, BulkJobStore jobs, CurrentCaller caller, GovernanceAudit audit) {
        this.service = service;
        this.jobs = jobs;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * Streams the extract to a spool file (blocking I/O on a worker thread), then starts its job. Any content type is
     * matched, so that the role check answers first; the method refuses all but CSV and JSON lines (415).
     */
    @POST
    @Blocking
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        ExtractFormat format = ExtractFormat.of(contentType).orElseThrow(() -> new ProblemException(415,
                "Unsupported media type", "Send the extract as text/csv or application/x-ndjson"));
        BulkJobView job = BulkJobView.of(service.accept(Sender.of(caller.get()), format, body));
        return Response.accepted(job).location(URI.create(PATH + "/jobs/" + job.id())).build();
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<BulkJobView> job(@PathParam("id") UUID id) {
        return jobs.find(id, Sender.of(caller.get()).orgCode()).map(BulkJobView::of);
    }

    /** The per-row report, in row order, a page at a time: rows after {@code after}. Audited (errors quote values). */
    @GET
    @Path("/jobs/{id}/rows")
    @RolesAllowed(Roles.PARTNER_SYSTEM)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<RowOutcome>> rows(@PathParam("id") UUID id,
            @QueryParam("outcome") @Pattern(regexp = "accepted|rejected") String outcome,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("size") @DefaultValue("500") @Min(1) @Max(5000) int size) {
        String org = Sender.of(caller.get()).orgCode();
        return audit.record(ROWS).chain(() -> jobs.rows(id, org, outcome, after, size));
    }
}
