package org.kmcr.common.problem;

/** A value the API reads and writes as a code (an enum of a contract); problems name the codes that fit. */
public interface Coded {

    String code();
}
