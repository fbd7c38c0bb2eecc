package org.kmcr.common.security;

/** Names of the claims KMCR reads from access tokens; shaped like the NHS CIS2 ones. */
public final class TokenClaims {

    public static final String ORG_CODE = "org_code";
    public static final String SELECTED_ROLE_ID = "selected_roleid";
    public static final String NRBAC_ROLES = "nhsid_nrbac_roles";
    public static final String NHS_NUMBER = "nhs_number";
    public static final String NAME = "name";
    public static final String AUTHORISED_PARTY = "azp";

    private TokenClaims() {
    }
}
