package org.kmcr.consent.policy;

import org.kmcr.common.consent.AccessDecision;

/**
 * The bases a decision can rest on, besides a relationship kind (which is its own basis when access is
 * permitted through a relationship).
 */
public final class Basis {

    public static final String SELF = "self";
    public static final String BREAK_GLASS = AccessDecision.BREAK_GLASS;
    public static final String NOT_OWN_RECORD = "not-own-record";
    public static final String NOT_A_SHARING_PARTNER = "not-a-sharing-partner";
    public static final String NO_LEGITIMATE_RELATIONSHIP = "no-legitimate-relationship";
    public static final String ROLE_NOT_PERMITTED = "role-not-permitted";
    public static final String PURPOSE_NOT_SUPPORTED = "purpose-not-supported";
    /** KMCR holds no record for the person, and nothing about the caller alone refuses them. */
    public static final String NO_RECORD = AccessDecision.NO_RECORD;

    private Basis() {
    }
}
