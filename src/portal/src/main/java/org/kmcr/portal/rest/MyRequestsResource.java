package org.kmcr.portal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.model.Categories;
import org.kmcr.portal.service.CitizenRequests;

/** The citizen's requests: object to sharing, restrict, ask for a correction; and what became of each. */
@Path("/my-record/requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PATIENT)
public class MyRequestsResource {

    static final URI PAGE = URI.create("/my-record/requests");

    private final CitizenRequests requests;

    MyRequestsResource(CitizenRequests requests) {
        this.requests = requests;
    }

    /** The page; a link from an entry of the citizen's record prefills the correction form with it. */
    @GET
    public Uni<Response> page(@QueryParam("organisation") String organisation, @QueryParam("item") String item) {
        return page(List.of(), "", new Pages.CorrectionForm(organisation, item, ""), List.of(), 200);
    }

    @POST
    @Path("objection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> object(@RestForm String organisations, @RestForm String reason) {
        return requests.direct("objection", List.of(), organisations, reason)
                .chain(errors -> done(errors, "objection-reason", Pages.CorrectionForm.EMPTY, List.of()));
    }

    @POST
    @Path("restriction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> restrict(@RestForm List<String> categories, @RestForm String organisations,
            @RestForm String reason) {
        return requests.direct("restriction", categories, organisations, reason)
                .chain(errors -> done(errors, "restriction-categories", Pages.CorrectionForm.EMPTY, categories));
    }

    @POST
    @Path("correction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> correct(@RestForm String organisation, @RestForm String item, @RestForm String correction) {
        return requests.correct(organisation, item, correction).chain(errors -> done(errors, "correction-organisation",
                new Pages.CorrectionForm(organisation, item, correction), List.of()));
    }

    private Uni<Response> done(List<String> errors, String field, Pages.CorrectionForm form, List<String> chosen) {
        return errors.isEmpty() ? Uni.createFrom().item(Response.seeOther(PAGE).build())
                : page(errors, field, form, chosen == null ? List.of() : chosen, 400);
    }

    private Uni<Response> page(List<String> errors, String field, Pages.CorrectionForm form, List<String> chosen,
            int status) {
        List<Pages.ReasonOption> categories = Categories.ORDER.entrySet().stream()
                .filter(category -> !"demographics".equals(category.getKey()))
                .map((Map.Entry<String, String[]> category) -> new Pages.ReasonOption(category.getKey(),
                        category.getValue()[1], chosen.contains(category.getKey())))
                .toList();
        return requests.mine().map(rows -> Response.status(status)
                .entity(Pages.myRequests(rows, errors, field, form, categories)).build());
    }
}
