package org.kmcr.ingest.mllp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MllpFramesTest {

    static List<String> texts(List<byte[]> frames) {
        List<String> texts = new ArrayList<>();
        frames.forEach(frame -> texts.add(new String(frame, StandardCharsets.UTF_8)));
        return texts;
    }

    @Test
    void framesSplitAcrossChunksAndSeveralInOneChunkAreAllFound() {
        MllpFrames frames = new MllpFrames(1000);
        Buffer two = MllpFrames.frame("MSH|1\r").appendBuffer(MllpFrames.frame("MSH|2\r"));
        assertEquals(List.of(), frames.add(two.slice(0, 4)));
        assertEquals(List.of("MSH|1\r", "MSH|2\r"), texts(frames.add(two.slice(4, two.length()))));
    }

    @Test
    void bytesOutsideAFrameAreIgnoredAndACrInsideTheMessageIsKept() {
        MllpFrames frames = new MllpFrames(1000);
        Buffer noisy = Buffer.buffer("noise\r\n").appendBuffer(MllpFrames.frame("MSH|a\rPID|b\r"));
        assertEquals(List.of("MSH|a\rPID|b\r"), texts(frames.add(noisy)));
    }

    @Test
    void aFrameLargerThanTheLimitIsRefused() {
        MllpFrames frames = new MllpFrames(10);
        assertThrows(IllegalStateException.class, () -> frames.add(MllpFrames.frame("MSH|" + "x".repeat(20))));
    }
}
