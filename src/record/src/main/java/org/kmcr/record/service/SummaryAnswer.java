package org.kmcr.record.service;

import java.util.List;
import org.kmcr.common.record.SourceFreshness;

/** A bounded summary as read and audited, with how fresh each of its sources is. */
public record SummaryAnswer(Window window, List<SourceFreshness> sources) {
}
