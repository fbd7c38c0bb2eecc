package org.kmcr.ingest.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.kmcr.ingest.model.Feed;

/** The two formats of a social care extract, by their media types. */
public enum ExtractFormat {
    CSV(Feed.CSV),
    JSON_LINES(Feed.JSON_LINES);

    private final String mediaType;

    ExtractFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a request's content type (parameters such as charset ignored). */
    public static Optional<ExtractFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";")[0].strip();
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(bare)).findFirst();
    }

    /** Reads rows of this format from the stream (UTF-8). */
    public RowSource open(InputStream in, ObjectMapper json) throws IOException {
        return this == CSV ? new CsvRows(in) : new JsonLinesRows(in, json);
    }
}
