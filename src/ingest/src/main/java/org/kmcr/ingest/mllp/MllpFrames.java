package org.kmcr.ingest.mllp;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * MLLP framing (HL7 v2 Minimal Lower Layer Protocol): a message is sent as 0x0B, the message bytes, 0x1C 0x0D.
 * Collects the frames of one connection from the chunks TCP delivers them in; bytes outside a frame are dropped.
 */
public final class MllpFrames {

    public static final byte START = 0x0B;
    public static final byte END = 0x1C;
    public static final byte CR = 0x0D;

    private final int maxBytes;
    private Buffer current;

    public MllpFrames(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The whole frames that this chunk completes, in order; an IllegalStateException for a frame too large. */
    public List<byte[]> add(Buffer chunk) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < chunk.length(); i++) {
            byte b = chunk.getByte(i);
            if (current == null) {
                if (b == START) {
                    current = Buffer.buffer();
                }
                continue;
            }
            if (b == CR && current.length() > 0 && current.getByte(current.length() - 1) == END) {
                frames.add(current.getBytes(0, current.length() - 1));
                current = null;
                continue;
            }
            current.appendByte(b);
            if (current.length() > maxBytes) {
                current = null;
                throw new IllegalStateException("An MLLP frame is larger than " + maxBytes + " bytes");
            }
        }
        return frames;
    }

    /** The message in an MLLP frame. */
    public static Buffer frame(String message) {
        return Buffer.buffer().appendByte(START).appendString(message, "UTF-8").appendByte(END).appendByte(CR);
    }
}
