package org.kmcr.identity.bench;

import org.kmcr.identity.model.Demographics;

/** One record of a labelled data set: its id, the true person (cluster) it belongs to, and what it says. */
record LabelledRecord(String localId, String cluster, String nhsNumber, Demographics demographics) {
}
