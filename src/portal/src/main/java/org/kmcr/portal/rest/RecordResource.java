package org.kmcr.portal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.kmcr.common.consent.BreakGlassReason;
import org.kmcr.common.nhs.NhsNumber;
import org.kmcr.common.security.Roles;
import org.kmcr.portal.service.NhsNumbers;
import org.kmcr.portal.service.RecordAnswer;
import org.kmcr.portal.service.RecordService;
import org.kmcr.portal.service.Timeline;

/**
 * A person's record for a professional: the summary, or (without a care relationship) the page that explains
 * why and offers the self-claim and break-glass forms, whose access is time-limited and reviewed.
 */
@Path("/records/{nhsNumber}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER})
public class RecordResource {

    private final RecordService records;
    private final Timeline timeline;

    RecordResource(RecordService records, Timeline timeline) {
        this.records = records;
        this.timeline = timeline;
    }

    /** Contacts with health and social care, most recent first, a page at a time, filtered by type. */
    @GET
    @Path("timeline")
    public Uni<Response> timeline(@PathParam("nhsNumber") String nhsNumber, @QueryParam("type") String type,
            @QueryParam("cursor") String cursor) {
        if (!NhsNumber.isValid(nhsNumber)) {
            return Uni.createFrom().item(notFound(nhsNumber));
        }
        return timeline.page(nhsNumber, type, cursor).map(view -> Response.ok(Pages.timeline(view)).build());
    }

    @GET
    public Uni<Response> summary(@PathParam("nhsNumber") String nhsNumber) {
        if (!NhsNumber.isValid(nhsNumber)) {
            return Uni.createFrom().item(notFound(nhsNumber));
        }
        return records.summary(nhsNumber, false).map(answer -> page(nhsNumber, answer, null));
    }

    @POST
    @Path("break-glass")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> breakGlass(@PathParam("nhsNumber") String nhsNumber, @RestForm String reason,
            @RestForm String text) {
        if (!NhsNumber.isValid(nhsNumber)) {
            return Uni.createFrom().item(notFound(nhsNumber));
        }
        BreakGlassReason chosen = Arrays.stream(BreakGlassReason.values())
                .filter(value -> value.code().equals(reason)).findFirst().orElse(null);
        if (chosen == null) {
            return Uni.createFrom().item(noRelationship(nhsNumber, List.of(),
                    List.of("Choose the reason you need to see this record"), null, 400));
        }
        return records.breakGlass(nhsNumber, chosen, text == null ? "" : text)
                .map(answer -> page(nhsNumber, answer, reason));
    }

    @POST
    @Path("self-claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> selfClaim(@PathParam("nhsNumber") String nhsNumber, @RestForm String reason) {
        if (!NhsNumber.isValid(nhsNumber)) {
            return Uni.createFrom().item(notFound(nhsNumber));
        }
        return records.selfClaim(nhsNumber, reason == null ? "" : reason)
                .map(answer -> page(nhsNumber, answer, null));
    }

    private static Response page(String nhsNumber, RecordAnswer answer, String chosenReason) {
        if (answer instanceof RecordAnswer.Shown shown) {
            return Response.ok(Pages.summary(shown.summary(), false)).build();
        }
        if (answer instanceof RecordAnswer.Refused refused) {
            return noRelationship(nhsNumber, refused.reasons(), List.of(), chosenReason, 403);
        }
        if (answer instanceof RecordAnswer.Invalid invalid) {
            return noRelationship(nhsNumber, List.of(), invalid.errors(), chosenReason, 400);
        }
        return notFound(nhsNumber);
    }

    static Response noRelationship(String nhsNumber, List<String> reasons, List<String> errors, String chosen,
            int status) {
        List<Pages.ReasonOption> options = Arrays.stream(BreakGlassReason.values())
                .map(value -> new Pages.ReasonOption(value.code(), ReasonLabels.of(value), value.code().equals(chosen)))
                .toList();
        return Response.status(status).entity(Pages.noRelationship(nhsNumber, NhsNumbers.spaced(nhsNumber), reasons,
                errors, options)).build();
    }

    private static Response notFound(String nhsNumber) {
        return Response.status(404).entity(Pages.notFound(NhsNumbers.spaced(NhsNumbers.digits(nhsNumber)))).build();
    }
}
