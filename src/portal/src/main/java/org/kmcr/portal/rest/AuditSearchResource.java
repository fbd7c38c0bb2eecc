package org.kmcr.portal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.model.AuditSearchView;
import org.kmcr.portal.service.AuditSearch;

/** The privacy officer's audit search: filters, the exact total, paging, and the CSV of the search. */
@Path("/privacy/audit")
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class AuditSearchResource {

    private final AuditSearch audit;

    AuditSearchResource(AuditSearch audit) {
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> search(@QueryParam("nhsNumber") String nhsNumber, @QueryParam("user") String user,
            @QueryParam("org") String org, @QueryParam("action") String action, @QueryParam("basis") String basis,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page) {
        AuditSearchView.Filters filters = filters(nhsNumber, user, org, action, basis, from, to);
        List<String> problems = AuditSearch.problems(filters);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Response.status(400).entity(Pages.audit(
                    new AuditSearchView(filters, List.of(), 0, 0, 0, "", "", "", false), problems)).build());
        }
        return audit.search(filters, Math.max(0, page))
                .map(found -> Response.ok(Pages.audit(found, List.of())).build());
    }

    /** The search as a CSV download (the portal fetches it with the officer's token; audit records the search). */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Uni<Response> csv(@QueryParam("nhsNumber") String nhsNumber, @QueryParam("user") String user,
            @QueryParam("org") String org, @QueryParam("action") String action, @QueryParam("basis") String basis,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditSearchView.Filters filters = filters(nhsNumber, user, org, action, basis, from, to);
        if (AuditSearch.isEmpty(filters) || !AuditSearch.problems(filters).isEmpty()) {
            return Uni.createFrom().item(Response.status(400).type(MediaType.TEXT_PLAIN)
                    .entity("Search with at least one valid filter first").build());
        }
        return audit.csv(filters).map(csv -> Response.ok(csv, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"kmcr-audit.csv\"").build());
    }

    private static AuditSearchView.Filters filters(String nhsNumber, String user, String org, String action,
            String basis, String from, String to) {
        return new AuditSearchView.Filters(text(nhsNumber), text(user), text(org), text(action), text(basis),
                text(from), text(to));
    }

    private static String text(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
