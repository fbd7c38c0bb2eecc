package org.kmcr.common.testing;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import io.smallrye.mutiny.Multi;
import java.util.List;
import org.kmcr.common.audit.AuditBatchOutcome;
import org.kmcr.common.audit.AuditClient;
import org.kmcr.common.audit.AuditEvent;

/** For tests that mock {@link AuditClient}: what the outbox relay sends in one batch is seen as single records. */
public final class AuditMocks {

    private AuditMocks() {
    }

    /**
     * A mocked client's {@code recordAll} records each event through its {@code record}, one after the other, so that
     * what the test stubs {@code record} to do (commit, fail) and verifies of it holds for batches too. Every event is
     * sent, as in one request; when any fails, the batch fails with that failure, as audit answers 503.
     */
    public static void batchesRecordEachEvent(AuditClient audit) {
        doAnswer(call -> {
            List<AuditEvent> events = call.getArgument(0);
            return Multi.createFrom().iterable(events)
                    .onItem().transformToUniAndConcatenate(event -> audit.record(event)
                            .map(receipt -> (Object) AuditBatchOutcome.committed(receipt))
                            .onFailure().recoverWithItem(failure -> failure))
                    .collect().asList()
                    .map(outcomes -> {
                        for (Object outcome : outcomes) {
                            if (outcome instanceof RuntimeException failure) {
                                throw failure;
                            }
                            if (outcome instanceof Throwable failure) {
                                throw new IllegalStateException(failure);
                            }
                        }
                        return outcomes.stream().map(AuditBatchOutcome.class::cast).toList();
                    });
        }).when(audit).recordAll(anyList());
    }
}
