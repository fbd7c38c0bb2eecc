package org.kmcr.portal.service;

import java.util.List;
import org.kmcr.portal.model.SummaryView;

/** What record answered for the summary page: the summary, a refusal with its reasons, or no such record. */
public sealed interface RecordAnswer {

    record Shown(SummaryView summary) implements RecordAnswer {
    }

    /** 403: no relationship (break glass or self-claim may help), or a rule that refuses outright. */
    record Refused(List<String> reasons) implements RecordAnswer {
    }

    /** 400: the request was wrong (a reason too short), with the field messages. */
    record Invalid(List<String> errors) implements RecordAnswer {
    }

    record NotFound() implements RecordAnswer {
    }
}
