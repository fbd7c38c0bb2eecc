package org.kmcr.consent.rest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.quarkus.test.InjectMock;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditReceipt;

/**
 * Base of the resource tests: the audit service is replaced by a recorder of the events consent sends it (the
 * end-to-end suite covers the real audit service), so that tests can see what was audited.
 */
abstract class AuditedResourceTest {

    @InjectMock
    AuditClient audit;

    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordAuditEvents() {
        audited.clear();
        when(audit.record(any())).thenAnswer(call -> {
            AuditEvent event = call.getArgument(0);
            audited.add(event);
            return Uni.createFrom().item(new AuditReceipt(event.id(), audited.size(), "hash"));
        });
    }

    /** The actions audited so far in this test, in order. */
    List<String> auditedActions() {
        return audited.stream().map(AuditEvent::action).toList();
    }
}
