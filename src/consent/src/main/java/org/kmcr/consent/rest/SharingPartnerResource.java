package org.kmcr.consent.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.kmcr.common.audit.GovernanceAudit;
import org.kmcr.common.problem.ProblemException;
import org.kmcr.common.security.Roles;
import org.kmcr.consent.service.SharingPartnerService;

/** The organisations that have signed the joint controllers' agreement. */
@Path("/api/sharing-partners")
@Authenticated
public class SharingPartnerResource {

    static final String UPDATE = "consent.partner.update";

    private final SharingPartnerService service;
    private final GovernanceAudit audit;
    private final Clock clock;

    SharingPartnerResource(SharingPartnerService service, GovernanceAudit audit, Clock clock) {
        this.service = service;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers (201) or updates (200) a partner, including its withdrawal; audited first. */
    @PUT
    @Path("/{odsCode}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<Response> put(@PathParam("odsCode") @Pattern(regexp = Patterns.ODS_CODE) String odsCode,
            @Valid @NotNull SharingPartnerBody body) {
        return audit.record(UPDATE).chain(() -> service.upsert(body.toEntity(odsCode))).map(result -> {
            SharingPartnerView view = SharingPartnerView.of(result.value(), LocalDate.now(clock));
            return result.created()
                    ? Response.created(URI.create("/api/sharing-partners/" + odsCode)).entity(view).build()
                    : Response.ok(view).build();
        });
    }

    /** The register, also for the platform operator, whose feed-health page names the organisations it lists. */
    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PRIVACY_OFFICER, Roles.PARTNER_READER,
            Roles.PLATFORM_OPERATOR})
    public Uni<List<SharingPartnerView>> list() {
        LocalDate today = LocalDate.now(clock);
        return service.list().map(partners -> partners.stream().map(p -> SharingPartnerView.of(p, today)).toList());
    }

    @GET
    @Path("/{odsCode}")
    @RolesAllowed({Roles.CLINICIAN, Roles.SOCIAL_WORKER, Roles.PRIVACY_OFFICER, Roles.PARTNER_READER})
    public Uni<SharingPartnerView> get(@PathParam("odsCode") String odsCode) {
        return service.find(odsCode).map(partner -> {
            if (partner == null) {
                throw ProblemException.notFound(odsCode + " is not a sharing partner");
            }
            return SharingPartnerView.of(partner, LocalDate.now(clock));
        });
    }
}
