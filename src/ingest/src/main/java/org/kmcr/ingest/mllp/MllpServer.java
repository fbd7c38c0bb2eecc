package org.kmcr.ingest.mllp;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.kmcr.ingest.config.MllpConfig;
import org.kmcr.ingest.model.Sender;
import org.kmcr.ingest.service.Hl7IngestService;

/**
 * The MLLP listeners: a Vert.x TCP server per configured listener and event loop, each bound to its partner. Messages of one
 * connection are processed one at a time, in order, and each is acknowledged only once it is stored (or kept as a
 * dead letter), so a sender that waits for each ACK gets its messages applied in the order it sent them. At shutdown
 * the listeners drain: no new connection or message is taken, each connection finishes the message it is storing,
 * sends its ACK and is closed; what was not started gets no ACK and is resent by its sender (idempotently).
 */
@ApplicationScoped
public class MllpServer {

    private static final Logger LOG = Logger.getLogger(MllpServer.class);
    /** A sender that sends this many frames ahead of their ACKs is paused (TCP backpressure) until they drain. */
    static final int MAX_WAITING_FRAMES = 32;

    private final Vertx vertx;
    private final MllpConfig config;
    private final Hl7IngestService service;
    private final Map<String, List<NetServer>> servers = new LinkedHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

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

    /**
     * Starts each listener as several listening instances, one per event loop: a Vert.x TCP server serves its
     * connections on the event loop it listens from, and instances on one port share it, new connections dealt to
     * them in turn. So connections (each still served in order) are spread over the event loops.
     */
    void start(@Observes StartupEvent start) {
        for (String text : config.listeners().orElse(List.of())) {
            Listener listener = Listener.parse(text);
            List<NetServer> listening = new CopyOnWriteArrayList<>();
            vertx.deployVerticle(() -> new ListeningInstance(listener, listening),
                    new DeploymentOptions().setInstances(instances(listener))).toCompletionStage()
                    .toCompletableFuture().join();
            servers.put(listener.sender().orgCode() + ":" + listener.sender().system(), listening);
            LOG.infof("MLLP listener on port %d for %s (%s), on %d event loops", listening.get(0).actualPort(),
                    listener.sender().orgCode(), listener.sender().system(), listening.size());
        }
    }

    /** One per event loop; one for port 0 (tests), where each instance would take a port of its own. */
    private int instances(Listener listener) {
        return listener.port() == 0 ? 1
                : Math.max(1, config.eventLoops().orElse(2 * Runtime.getRuntime().availableProcessors()));
    }

    /** One listening instance of a listener, on the event loop Vert.x gives this verticle. */
    private final class ListeningInstance extends AbstractVerticle {

        private final Listener listener;
        private final List<NetServer> listening;

        ListeningInstance(Listener listener, List<NetServer> listening) {
            this.listener = listener;
            this.listening = listening;
        }

        @Override
        public void start(Promise<Void> started) {
            NetServer server = vertx.createNetServer(new NetServerOptions().setHost(config.host())
                    .setPort(listener.port()).setTcpNoDelay(true));
            server.connectHandler(socket -> serve(socket, listener.sender()));
            server.listen().onSuccess(listened -> listening.add(server)).<Void>mapEmpty().onComplete(started);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        try {
            drain().get(config.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notDrained) {
            LOG.warnf("MLLP: %d connections still storing a message after %s; closing them (their senders resend)",
                    connections.size(), config.drainTimeout());
        }
        servers.values().forEach(listening -> listening.forEach(NetServer::close));
    }

    /**
     * Stops taking connections and messages and completes once every connection has sent the ACK of the message it
     * was storing and been closed. The listening sockets stay bound (Vert.x 4 closes a server's connections with it)
     * until {@link #stop}; a connection made meanwhile is closed at once.
     */
    public CompletableFuture<Void> drain() {
        draining = true;
        return CompletableFuture.allOf(connections.stream().map(Connection::drain)
                .toArray(CompletableFuture[]::new));
    }

    /** The ports the listeners actually listen on (for a configured port 0, the one taken), by ODS code:system. */
    public Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        servers.forEach((key, listening) -> ports.put(key, listening.get(0).actualPort()));
        return ports;
    }

    private void serve(NetSocket socket, Sender sender) {
        if (draining) {
            socket.close();
            return;
        }
        Connection connection = new Connection(socket, sender, Vertx.currentContext());
        connections.add(connection);
        socket.closeHandler(closed -> {
            connections.remove(connection);
            connection.drained.complete(null);
        });
        MllpFrames frames = new MllpFrames(config.maxMessageBytes());
        socket.handler(chunk -> {
            try {
                connection.waiting.addAll(frames.add(chunk));
            } catch (IllegalStateException tooLarge) {
                LOG.warnf("MLLP connection for %s closed: %s", sender.orgCode(), tooLarge.getMessage());
                socket.close();
                return;
            }
            if (connection.waiting.size() >= MAX_WAITING_FRAMES) {
                socket.pause();
            }
            connection.next();
        });
        socket.exceptionHandler(failure -> LOG.debugf("MLLP connection error: %s", failure.getMessage()));
    }

    /** One sender's connection: its frames waiting in order, and whether one is being stored now. */
    private final class Connection {

        private final NetSocket socket;
        private final Sender sender;
        private final Context context;
        private final Deque<byte[]> waiting = new ArrayDeque<>();
        private final CompletableFuture<Void> drained = new CompletableFuture<>();
        private boolean busy;

        Connection(NetSocket socket, Sender sender, Context context) {
            this.socket = socket;
            this.sender = sender;
            this.context = context;
        }

        /** Takes no more frames; once the one being stored is acknowledged, closes. */
        CompletableFuture<Void> drain() {
            context.runOnContext(ignored -> {
                socket.pause();
                waiting.clear();
                closeIfIdle();
            });
            return drained;
        }

        private void closeIfIdle() {
            if (!busy) {
                socket.close().onComplete(closed -> drained.complete(null));
            }
        }

        /** Stores the next waiting frame on a fresh duplicated context (as Hibernate Reactive needs), then the next. */
        void next() {
            if (draining) {
                waiting.clear();
                closeIfIdle();
                return;
            }
            if (busy || waiting.isEmpty()) {
                return;
            }
            busy = true;
            byte[] frame = waiting.poll();
            if (waiting.size() < MAX_WAITING_FRAMES / 2) {
                socket.resume();
            }
            Context duplicate = VertxContext.createNewDuplicatedContext(context);
            VertxContextSafetyToggle.setContextSafe(duplicate, true);
            duplicate.runOnContext(ignored -> service.receive(sender, frame).subscribe().with(answer -> {
                socket.write(MllpFrames.frame(answer.ack()));
                done();
            }, failure -> {
                LOG.error("An MLLP message got no ACK", failure);
                done();
            }));
        }

        private void done() {
            context.runOnContext(ignored -> {
                busy = false;
                next();
            });
        }
    }
}
