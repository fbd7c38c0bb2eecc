package org.kmcr.auditverifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The leaves {@code start} (inclusive) to {@code end} (exclusive) as RFC 9162's MTH(D[start:end]) hashes them: the
 * largest perfect subtrees from the left, so that {@code start} must be aligned to the size of the first.
 */
public record Range(long start, long end) {

    public Range {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("An empty or negative range of leaves: " + start + " to " + end);
        }
    }

    /** The perfect subtrees that make up this range, largest (leftmost) first. */
    public List<Node> perfectNodes() {
        List<Node> nodes = new ArrayList<>();
        long position = start;
        while (position < end) {
            int level = 63 - Long.numberOfLeadingZeros(end - position);
            if (position != 0) {
                level = Math.min(level, Long.numberOfTrailingZeros(position));
            }
            nodes.add(new Node(level, position >> level));
            position += 1L << level;
        }
        return nodes;
    }
}
