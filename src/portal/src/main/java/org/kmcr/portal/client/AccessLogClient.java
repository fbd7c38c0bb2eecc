package org.kmcr.portal.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The audit log's citizen view, as the signed-in user: the one bean the portal's services call it through. */
@ApplicationScoped
public class AccessLogClient {

    private final AuditApi api;

    AccessLogClient(@RestClient AuditApi api) {
        this.api = api;
    }

    public Uni<List<RecordAccess>> myRecordAccesses(int page, int size) {
        return api.myRecordAccesses(page, size);
    }
}
