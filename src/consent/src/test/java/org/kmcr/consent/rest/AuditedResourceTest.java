package org.kmcr.consent.rest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.quarkus.arc.Arc;
import io.quarkus.test.InjectMock;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;
import org.kmcr.common.audit.AuditOutboxRelay;
import org.kmcr.common.audit.AuditReceipt;
import org.kmcr.common.testing.AuditMocks;

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
        auditCommits();
        deliverAuditOutbox();
        audited.clear();
    }

    /** Audit commits every event it is sent, and this test records them. */
    void auditCommits() {
        doAnswer(call -> {
            AuditEvent event = call.getArgument(0);
            audited.add(event);
            return Uni.createFrom().item(new AuditReceipt(event.id(), audited.size(), "hash"));
        }).when(audit).record(any());
        AuditMocks.batchesRecordEachEvent(audit);
    }

    /**
     * The actions audited so far in this test, in order: those audited synchronously, then (once the outbox is
     * delivered now) those written to the audit outbox with their change.
     */
    List<String> auditedActions() {
        deliverAuditOutbox();
        return audited.stream().map(AuditEvent::action).toList();
    }

    /** One round of the audit outbox relay (its schedule is off in tests). */
    static AuditOutboxRelay.Round deliverAuditOutbox() {
        AuditOutboxRelay relay = Arc.container().instance(AuditOutboxRelay.class).get();
        try {
            return VertxContextSupport.subscribeAndAwait(relay::relay);
        } catch (Throwable e) {
            throw new IllegalStateException("The audit outbox relay failed", e);
        }
    }
}
