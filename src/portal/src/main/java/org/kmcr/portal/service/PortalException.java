package org.kmcr.portal.service;

/** A page that cannot be shown, with the status and the words the error page gives the user. */
public class PortalException extends RuntimeException {

    private final int status;
    private final String title;

    public PortalException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
