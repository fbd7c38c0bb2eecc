package org.kmcr.portal.model;

/** One answer a decision form offers: the code it sends and how the form words it. */
public record Choice(String code, String label) {
}
