package org.kmcr.ingest.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Rows of an extract read one by one from a stream, so a file of any size never sits in memory. */
public interface RowSource extends Closeable {

    /**
     * The next rows, at most {@code max}; empty at the end of the file. A row that cannot be read (a JSON line that
     * is not an object, a CSV row with more fields than the header) is answered as a {@link RowResult} with its
     * error, and reading goes on with the next row.
     */
    List<RowResult> next(int max) throws IOException;

    /** A row as read, or why it could not be read. */
    record RowResult(long number, SocialCareRow row, String error, String raw) {

        static RowResult read(SocialCareRow row, String raw) {
            return new RowResult(row.number(), row, null, raw);
        }

        static RowResult unreadable(long number, String error, String raw) {
            return new RowResult(number, null, error, raw);
        }
    }
}
