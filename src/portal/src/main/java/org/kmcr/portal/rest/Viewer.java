package org.kmcr.portal.rest;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.kmcr.common.security.Roles;

/** The signed-in user as the pages show them ({@code {inject:viewer.name}}): name, role, and what they may open. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;
    // the ID token can only be injected into a field (its qualifier does not apply to parameters)
    @Inject
    @IdToken
    JsonWebToken idToken;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        if (!isSignedIn()) {
            return null;
        }
        String name = idToken.getClaim("name");
        return name != null ? name : identity.getPrincipal().getName();
    }

    /** The organisation's ODS code of a professional (the token's org_code), null for a citizen. */
    public String getOrganisation() {
        return isSignedIn() ? idToken.getClaim("org_code") : null;
    }

    /** The citizen's own NHS number (the token's nhs_number), null for a professional. */
    public String getNhsNumber() {
        return isSignedIn() ? idToken.getClaim("nhs_number") : null;
    }

    public boolean isProfessional() {
        return identity.hasRole(Roles.CLINICIAN) || identity.hasRole(Roles.SOCIAL_WORKER);
    }

    public boolean isCitizen() {
        return identity.hasRole(Roles.PATIENT);
    }

    public boolean isAnalyst() {
        return identity.hasRole(Roles.ANALYST);
    }

    public boolean isPrivacyOfficer() {
        return identity.hasRole(Roles.PRIVACY_OFFICER);
    }

    /** Runs the platform: feed health and dead letters, never a record. */
    public boolean isPlatformOperator() {
        return identity.hasRole(Roles.PLATFORM_OPERATOR);
    }

    /** May see feed health (privacy officers and the platform operator). */
    public boolean isFeedWatcher() {
        return isPrivacyOfficer() || isPlatformOperator();
    }

    /** May work the MPI's review tasks (privacy and data-quality officers). */
    public boolean isIdentityReviewer() {
        return identity.hasRole(Roles.PRIVACY_OFFICER) || identity.hasRole(Roles.DATA_QUALITY);
    }

    /** The role as the header names it. */
    public String getRole() {
        if (identity.hasRole(Roles.PRIVACY_OFFICER)) {
            return "Privacy officer";
        }
        if (identity.hasRole(Roles.CLINICIAN)) {
            return "Clinician";
        }
        if (identity.hasRole(Roles.SOCIAL_WORKER)) {
            return "Social worker";
        }
        if (identity.hasRole(Roles.PATIENT)) {
            return "Citizen";
        }
        if (identity.hasRole(Roles.PLATFORM_OPERATOR)) {
            return "Platform operator";
        }
        return identity.hasRole(Roles.ANALYST) ? "Analyst" : "Signed in";
    }
}
