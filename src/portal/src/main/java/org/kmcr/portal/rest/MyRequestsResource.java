package org.kmcr.portal.rest;

import io.quarkus.qute.TemplateInstance;
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

    static final String PAGE = "/my-record/requests";

    private final CitizenRequests requests;

    MyRequestsResource(CitizenRequests requests) {
        this.requests = requests;
    }

    /** The page; a link from an entry of the citizen's record prefills the correction form with it. */
    @GET
    public Uni<Response> page(@QueryParam("organisation") String organisation, @QueryParam("item") String item) {
        return FormAnswers.show(page(List.of(), "", new Pages.CorrectionForm(organisation, item, ""), List.of()));
    }

    @POST
    @Path("objection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> object(@RestForm String organisations, @RestForm String reason) {
        return FormAnswers.answer(requests.direct("objection", List.of(), organisations, reason), PAGE,
                errors -> page(errors, "objection-reason", Pages.CorrectionForm.EMPTY, List.of()));
    }

    @POST
    @Path("restriction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> restrict(@RestForm List<String> categories, @RestForm String organisations,
            @RestForm String reason) {
        return FormAnswers.answer(requests.direct("restriction", categories, organisations, reason), PAGE,
                errors -> page(errors, "restriction-categories", Pages.CorrectionForm.EMPTY,
                        categories == null ? List.of() : categories));
    }

    @POST
    @Path("correction")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> correct(@RestForm String organisation, @RestForm String item, @RestForm String correction) {
        return FormAnswers.answer(requests.correct(organisation, item, correction), PAGE,
                errors -> page(errors, "correction-organisation",
                        new Pages.CorrectionForm(organisation, item, correction), List.of()));
    }

    private Uni<TemplateInstance> page(List<String> errors, String field, Pages.CorrectionForm form,
            List<String> chosen) {
        List<Pages.ReasonOption> categories = Categories.ORDER.entrySet().stream()
                .filter(category -> !"demographics".equals(category.getKey()))
                .map((Map.Entry<String, String[]> category) -> new Pages.ReasonOption(category.getKey(),
                        category.getValue()[1], chosen.contains(category.getKey())))
                .toList();
        return requests.mine().map(rows -> Pages.myRequests(rows, errors, field, form, categories));
    }
}
