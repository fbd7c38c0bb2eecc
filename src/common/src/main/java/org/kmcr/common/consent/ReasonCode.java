package org.kmcr.common.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kmcr.common.problem.Coded;

/** Why a decision denies; the decision's reason says it in words the user can act on. */
public enum ReasonCode implements Coded {
    ROLE_NOT_PERMITTED("role-not-permitted"),
    ACTION_NOT_PERMITTED("action-not-permitted"),
    NOT_OWN_RECORD("not-own-record"),
    NOT_A_SHARING_PARTNER("not-a-sharing-partner"),
    PARTNER_SUSPENDED("partner-suspended"),
    NO_LEGITIMATE_RELATIONSHIP("no-legitimate-relationship"),
    OBJECTION("objection"),
    OPTED_OUT("opted-out"),
    /** KMCR holds no record for the person, and nothing about the caller alone refuses them. */
    NO_RECORD("no-record");

    private final String code;

    ReasonCode(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}
