package org.kmcr.identity.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.kmcr.common.identity.ResolvedIdentity;
import org.kmcr.common.security.CurrentCaller;
import org.kmcr.common.security.Roles;
import org.kmcr.identity.service.ExplanationService;
import org.kmcr.identity.service.MergeService;
import org.kmcr.identity.service.SourceIdentityService;

/** Source identities: how ingest turns a source patient into a person, and a source's own merges. */
@Path("/api/source-identities")
@Authenticated
public class SourceIdentityResource {

    private final SourceIdentityService service;
    private final MergeService merges;
    private final ExplanationService explanations;
    private final CurrentCaller currentCaller;

    SourceIdentityResource(SourceIdentityService service, MergeService merges, ExplanationService explanations,
            CurrentCaller currentCaller) {
        this.service = service;
        this.merges = merges;
        this.explanations = explanations;
        this.currentCaller = currentCaller;
    }

    /**
     * Finds or creates the source identity and its person and links them (by a valid NHS number, else by
     * demographics), unless the demographics contradict the person's or only possibly match: then the link waits
     * for review and the answer has no person; the same answer on every retry.
     */
    @POST
    @Path("/resolve")
    @RolesAllowed(Roles.IDENTITY_RESOLVER)
    public Uni<ResolvedIdentity> resolve(@Valid @NotNull ResolveRequest request) {
        return service.resolve(request.toCommand());
    }

    /**
     * A source merged two of its patient ids (HL7 v2 A34/A40): the merged one follows the survivor's person.
     * Idempotent; answers the survivor's resolution. Audited when something moves.
     */
    @POST
    @Path("/merges")
    @RolesAllowed(Roles.IDENTITY_RESOLVER)
    public Uni<ResolvedIdentity> merge(@Valid @NotNull SourceMergeRequest request) {
        return merges.mergeSources(request.toMerge(), currentCaller.get());
    }

    /** The current link of a source identity and how it was made, in words. Audited. */
    @GET
    @Path("/{id}/link")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    public Uni<LinkView> link(@PathParam("id") UUID id) {
        return explanations.link(id, currentCaller.get()).map(LinkView::of);
    }
}
