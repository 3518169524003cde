package fr.paris.casvp.guichet.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local run's load balancer: what a Kubernetes Service (kube-proxy) does in front of a Deployment's pods, for the
 * instances {@code ./guichet scale} starts. It listens on each component's public port and passes each connection, as
 * bytes (layer 4), to the next instance in turn; an instance that refuses the connection (stopped, killed) is skipped
 * for the next. The instances are read from a file that {@code ./guichet} rewrites, one line per component:
 *
 * <pre>{@code <name> <public port> <instance port>[,<instance port>...] [proxy]}</pre>
 *
 * <p>Every port listens on loopback only: nothing of the local run is reachable from another machine, and nobody
 * reaches a service without the gateway's limits from outside (issue #33). With {@code proxy}, each connection passed
 * on starts with the PROXY protocol's line (version 1, as HAProxy writes it) naming the client's address: the gateway
 * limits each client by its own address, not the balancer's. An idle connection (nothing read either way for
 * {@value #IDLE_MILLIS} ms) is closed, and a component holds at most {@value #MAX_CONNECTIONS} connections at once: past
 * that, a new connection waits in the port's queue until one closes, as a full server's would, and the wait is logged.
 * It was closed at once until 2026-12-06, and under load each such connection was a request lost without an answer
 * (the client had sent it already): thousands in a counter's morning at 150 requests a second.
 *
 * <p>The file is read again whenever it changes: a component added opens its port, an instance removed receives no new
 * connection (its open ones carry on until it closes them, as in a rolling update). Once a version of the file is
 * applied, it is copied to {@code <file>.applied}: {@code ./guichet} waits for that copy before it says an instance is
 * in or out. Local use only: no TLS, no health checks beyond the connection itself, a pair of threads per connection.
 */
public final class LocalBalancer implements AutoCloseable {

    /** An instance that does not take a connection within this is skipped for the next, when there is a next. */
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    /** The last instance left is given as long as a client would wait for a busy server's queue. */
    private static final int LAST_CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int IDLE_MILLIS = 60_000;
    static final int MAX_CONNECTIONS = 1024;
    private static final long WAIT_SAID_EVERY_NANOS = 10_000_000_000L;

    private final Path configuration;
    private final int maxConnections;
    private final Map<String, Front> fronts = new LinkedHashMap<>();
    private volatile boolean running = true;
    private long readModified = -1;
    private long readSize = -1;

    public LocalBalancer(Path configuration) {
        this(configuration, MAX_CONNECTIONS);
    }

    LocalBalancer(Path configuration, int maxConnections) {
        this.configuration = configuration;
        this.maxConnections = maxConnections;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LocalBalancer <configuration file>");
            System.exit(2);
        }
        try (LocalBalancer balancer = new LocalBalancer(Path.of(args[0]))) {
            balancer.reload();
            log("balancing " + balancer.fronts.keySet());
            while (true) {
                Thread.sleep(200);
                balancer.reloadIfChanged();
            }
        }
    }

    /** Reads the file again if it changed since the last read. */
    public synchronized void reloadIfChanged() throws IOException {
        try {
            long modified = Files.getLastModifiedTime(configuration).toMillis();
            long size = Files.size(configuration);
            if (modified != readModified || size != readSize) {
                reload();
            }
        } catch (NoSuchFileException none) {
            // Not written yet.
        }
    }

    /** Applies the file: opens the new components' ports, closes the removed ones', replaces the instances. */
    public synchronized void reload() throws IOException {
        readModified = Files.getLastModifiedTime(configuration).toMillis();
        readSize = Files.size(configuration);
        byte[] content = Files.readAllBytes(configuration);
        Map<String, Line> lines = parse(new String(content, StandardCharsets.UTF_8).lines().toList());
        for (var it = fronts.entrySet().iterator(); it.hasNext(); ) {
            var front = it.next();
            Line line = lines.get(front.getKey());
            if (line == null || line.port() != front.getValue().port || line.proxy() != front.getValue().proxy) {
                front.getValue().close();
                it.remove();
            }
        }
        for (Line line : lines.values()) {
            Front front = fronts.get(line.name());
            if (front == null) {
                try {
                    front = new Front(line.name(), line.port(), line.proxy());
                } catch (IOException e) {
                    log(line.name() + ": cannot listen on port " + line.port() + " (" + e.getMessage() + "), tried again at the next change");
                    continue;
                }
                fronts.put(line.name(), front);
            }
            if (!Arrays.equals(front.instances, line.instances())) {
                front.instances = line.instances();
                log(line.name() + " (port " + line.port() + "): instances on " + Arrays.toString(line.instances()));
            }
        }
        Path applied = configuration.resolveSibling(configuration.getFileName() + ".applied");
        Path next = configuration.resolveSibling(configuration.getFileName() + ".applied.tmp");
        Files.write(next, content);
        Files.move(next, applied, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The public port of a component, once it listens (for tests). */
    public synchronized int port(String name) {
        return fronts.get(name).server.getLocalPort();
    }

    /** The address a component's port listens on (for tests). */
    public synchronized InetAddress address(String name) {
        return fronts.get(name).server.getInetAddress();
    }

    record Line(String name, int port, int[] instances, boolean proxy) {
    }

    static Map<String, Line> parse(List<String> lines) {
        Map<String, Line> parsed = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            boolean proxy = parts[parts.length - 1].equals("proxy");
            int fields = proxy ? parts.length - 1 : parts.length;
            if (fields < 2 || fields > 3) {
                throw new IllegalArgumentException("Not '<name> <port> <instance ports> [proxy]': " + raw);
            }
            int[] instances = fields == 2 ? new int[0]
                    : Arrays.stream(parts[2].split(",")).filter(p -> !p.isBlank()).mapToInt(Integer::parseInt).toArray();
            parsed.put(parts[0], new Line(parts[0], Integer.parseInt(parts[1]), instances, proxy));
        }
        return parsed;
    }

    @Override
    public synchronized void close() {
        running = false;
        fronts.values().forEach(Front::close);
        fronts.clear();
    }

    private static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
    }

    /** One component's public port. */
    private final class Front {

        private final String name;
        private final int port;
        private final boolean proxy;
        private final ServerSocket server;
        private final AtomicInteger next = new AtomicInteger();
        private final Semaphore connections = new Semaphore(maxConnections);
        private long waits;
        private long waitSaidAt;
        private final AtomicInteger unplaced = new AtomicInteger();
        private long unplacedSaidAt;
        private volatile int[] instances = new int[0];

        Front(String name, int port, boolean proxy) throws IOException {
            this.name = name;
            this.proxy = proxy;
            this.server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            this.port = server.getLocalPort();
            Thread acceptor = new Thread(this::accept, "balancer-" + name);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept() {
            while (running && !server.isClosed() && !Thread.currentThread().isInterrupted()) {
                try {
                    if (!placeForOneMore()) {
                        continue;
                    }
                    Socket client;
                    try {
                        client = server.accept();
                    } catch (IOException e) {
                        connections.release();
                        throw e;
                    }
                    Thread connection = new Thread(() -> {
                        try {
                            forward(client);
                        } finally {
                            connections.release();
                        }
                    }, "balancer-" + name + "-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        log(name + ": accept failed: " + e.getMessage());
                    }
                }
            }
        }

        /**
         * Waits for a connection to close when the port holds its most: the next clients wait in the port's queue (the
         * kernel's, then their own retries), none is closed unanswered. False when the port closed meanwhile.
         */
        private boolean placeForOneMore() {
            if (connections.tryAcquire()) {
                return true;
            }
            waits++;
            long now = System.nanoTime();
            if (waitSaidAt == 0 || now - waitSaidAt >= WAIT_SAID_EVERY_NANOS) {
                waitSaidAt = now;
                log(name + ": " + maxConnections + " connections open, the next wait until one closes (" + waits
                        + " waits so far)");
            }
            try {
                while (running && !server.isClosed()) {
                    if (connections.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** To the next instance that takes the connection; none: the client's connection is closed. */
        private void forward(Socket client) {
            int[] candidates = instances;
            int first = Math.floorMod(next.getAndIncrement(), Math.max(1, candidates.length));
            for (int i = 0; i < candidates.length; i++) {
                int instance = candidates[(first + i) % candidates.length];
                Socket backend = new Socket();
                try {
                    backend.setTcpNoDelay(true);
                    backend.connect(new InetSocketAddress("127.0.0.1", instance),
                            i == candidates.length - 1 ? LAST_CONNECT_TIMEOUT_MILLIS : CONNECT_TIMEOUT_MILLIS);
                } catch (IOException refused) {
                    closeQuietly(backend);
                    continue;
                }
                try {
                    client.setTcpNoDelay(true);
                    client.setSoTimeout(IDLE_MILLIS);
                    backend.setSoTimeout(IDLE_MILLIS);
                    if (proxy) {
                        backend.getOutputStream().write(proxyLine(client));
                    }
                } catch (IOException gone) {
                    // The client or the instance left already: the copies below end at once.
                }
                Thread upstream = new Thread(() -> copy(client, backend), "balancer-" + name + "-up");
                upstream.setDaemon(true);
                upstream.start();
                copy(backend, client);
                try {
                    upstream.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                closeQuietly(backend);
                closeQuietly(client);
                return;
            }
            closeQuietly(client);
            unplaced.incrementAndGet();
            sayUnplaced();
        }

        /** Connections no instance took (none running, or none within its time): said at most every 10 s. */
        private synchronized void sayUnplaced() {
            long now = System.nanoTime();
            if (unplacedSaidAt == 0 || now - unplacedSaidAt >= WAIT_SAID_EVERY_NANOS) {
                unplacedSaidAt = now;
                log(name + ": no instance took a connection, closed (" + unplaced.get() + " so far)");
            }
        }

        void close() {
            closeQuietly(server);
        }
    }

    /** The PROXY protocol's version 1 line: who the client is, and which address of ours it reached. */
    static byte[] proxyLine(Socket client) {
        InetSocketAddress from = (InetSocketAddress) client.getRemoteSocketAddress();
        InetSocketAddress to = (InetSocketAddress) client.getLocalSocketAddress();
        String family = from.getAddress() instanceof Inet6Address ? "TCP6" : "TCP4";
        return ("PROXY " + family + " " + from.getAddress().getHostAddress() + " " + to.getAddress().getHostAddress() + " "
                + from.getPort() + " " + to.getPort() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Bytes from one side to the other until the end of the stream; then the other side's output is shut. Nothing read
     * for {@link #IDLE_MILLIS}: both sides are closed.
     */
    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[8 * 1024];
        try {
            // Not closed here: closing a socket's stream closes the socket, and the other direction may still run.
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // One side reset the connection (an instance killed): both are closed, as a real balancer does.
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing only.
        }
    }
}
