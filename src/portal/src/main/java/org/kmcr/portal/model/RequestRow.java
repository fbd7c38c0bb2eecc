package org.kmcr.portal.model;

/**
 * One citizen request (an objection, a restriction or a correction) as the request pages show it.
 *
 * @param kind    objection, restriction or correction
 * @param what    what was asked, in words
 * @param status  the status code (requested, active, rejected, withdrawn; open, corrected, declined)
 * @param state   the status in words
 * @param answer  the decision's note or verification, empty while waiting
 */
public record RequestRow(String id, String kind, String nhsNumber, String what, String reason, String when,
        String status, String state, String answer) {

    public boolean isWaiting() {
        return "requested".equals(status) || "open".equals(status);
    }
}
