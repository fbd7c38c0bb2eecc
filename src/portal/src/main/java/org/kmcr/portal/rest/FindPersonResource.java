package org.kmcr.portal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.service.PersonSearch;

/** Find a person: by NHS number (straight to the record) or by name and date of birth (the MPI's candidates). */
@Path("/find")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
public class FindPersonResource {

    private final PersonSearch search;

    FindPersonResource(PersonSearch search) {
        this.search = search;
    }

    @GET
    public Response form() {
        return Response.ok(Pages.find(List.of(), Pages.FindForm.EMPTY)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> find(@RestForm String nhsNumber, @RestForm String family, @RestForm String given,
            @RestForm String birthDate, @RestForm String postcode) {
        Pages.FindForm form = new Pages.FindForm(trim(nhsNumber), trim(family), trim(given), trim(birthDate),
                trim(postcode));
        PersonSearch.Query query = PersonSearch.Query.of(form.nhsNumber(), form.family(), form.given(),
                form.birthDate(), form.postcode());
        if (!query.errors().isEmpty()) {
            return Uni.createFrom().item(Response.status(400).entity(Pages.find(query.errors(), form)).build());
        }
        if (query.nhsNumber() != null) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/records/" + query.nhsNumber())).build());
        }
        return search.candidates(query).map(found -> Response.ok(Pages.candidates(found, form)).build());
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
