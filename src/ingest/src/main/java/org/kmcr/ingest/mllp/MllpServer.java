package org.kmcr.ingest.mllp;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.kmcr.ingest.config.MllpConfig;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.Hl7IngestService;

/**
 * The MLLP listeners: a Vert.x TCP server per configured listener, each bound to its partner. Messages of one
 * connection are processed one at a time, in order, and each is acknowledged only once it is stored (or kept as a
 * dead letter), so a sender that waits for each ACK gets its messages applied in the order it sent them.
 */
@ApplicationScoped
public class MllpServer {

    private static final Logger LOG = Logger.getLogger(MllpServer.class);
    /** A sender that sends this many frames ahead of their ACKs is paused (TCP backpressure) until they drain. */
    static final int MAX_WAITING_FRAMES = 32;

    private final Vertx vertx;
    private final MllpConfig config;
    private final Hl7IngestService service;
    private final Map<String, NetServer> servers = new LinkedHashMap<>();

    MllpServer(Vertx vertx, MllpConfig config, Hl7IngestService service) {
        this.vertx = vertx;
        this.config = config;
        this.service = service;
    }

    /** A listener: its port and the partner that whoever connects to it sends as. */
    public record Listener(int port, Sender sender) {

        /** {@code port:ODS code:system}. */
        static Listener parse(String text) {
            String[] parts = text.trim().split(":", 3);
            if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalArgumentException("kmcr.ingest.mllp.listeners: '" + text
                        + "' is not port:ODS code:system");
            }
            return new Listener(Integer.parseInt(parts[0]), new Sender(parts[1], parts[2]));
        }
    }

    void start(@Observes StartupEvent start) {
        for (String text : config.listeners().orElse(List.of())) {
            Listener listener = Listener.parse(text);
            NetServer server = vertx.createNetServer(new NetServerOptions().setHost(config.host())
                    .setPort(listener.port()).setTcpNoDelay(true));
            server.connectHandler(socket -> serve(socket, listener.sender()));
            server.listen().toCompletionStage().toCompletableFuture().join();
            servers.put(listener.sender().orgCode() + ":" + listener.sender().system(), server);
            LOG.infof("MLLP listener on port %d for %s (%s)", server.actualPort(), listener.sender().orgCode(),
                    listener.sender().system());
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        servers.values().forEach(NetServer::close);
    }

    /** The ports the listeners actually listen on (for a configured port 0, the one taken), by ODS code:system. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        servers.forEach((key, server) -> ports.put(key, server.actualPort()));
        return ports;
    }

    private void serve(NetSocket socket, Sender sender) {
        MllpFrames frames = new MllpFrames(config.maxMessageBytes());
        Deque<byte[]> waiting = new ArrayDeque<>();
        boolean[] busy = {false};
        Context context = Vertx.currentContext();
        socket.handler(chunk -> {
            try {
                waiting.addAll(frames.add(chunk));
            } catch (IllegalStateException tooLarge) {
                LOG.warnf("MLLP connection for %s closed: %s", sender.orgCode(), tooLarge.getMessage());
                socket.close();
                return;
            }
            if (waiting.size() >= MAX_WAITING_FRAMES) {
                socket.pause();
            }
            next(socket, sender, waiting, busy, context);
        });
        socket.exceptionHandler(failure -> LOG.debugf("MLLP connection error: %s", failure.getMessage()));
    }

    /** Processes the next waiting frame on a fresh duplicated context (as Hibernate Reactive needs), then the next. */
    private void next(NetSocket socket, Sender sender, Deque<byte[]> waiting, boolean[] busy, Context context) {
        if (busy[0] || waiting.isEmpty()) {
            return;
        }
        busy[0] = true;
        byte[] frame = waiting.poll();
        if (waiting.size() < MAX_WAITING_FRAMES / 2) {
            socket.resume();
        }
        Context duplicate = VertxContext.createNewDuplicatedContext(context);
        VertxContextSafetyToggle.setContextSafe(duplicate, true);
        duplicate.runOnContext(ignored -> service.receive(sender, frame).subscribe().with(answer -> {
            socket.write(MllpFrames.frame(answer.ack()));
            context.runOnContext(done -> {
                busy[0] = false;
                next(socket, sender, waiting, busy, context);
            });
        }, failure -> {
            LOG.error("An MLLP message got no ACK", failure);
            context.runOnContext(done -> {
                busy[0] = false;
                next(socket, sender, waiting, busy, context);
            });
        }));
    }
}
