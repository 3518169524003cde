package fr.paris.casvp.guichet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBalancerTest {

    @TempDir
    Path folder;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void connectionsGoToEachInstanceInTurnAndBothDirectionsArePassedWhole() throws Exception {
        Instance a = instance("a");
        Instance b = instance("b");
        LocalBalancer balancer = balancer("aid-service 0 " + a.port() + "," + b.port());
        int port = balancer.port("aid-service");

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(ask(port, "hello " + i));
        }

        assertThat(answers).containsExactlyInAnyOrder("a:hello 0", "b:hello 1", "a:hello 2", "b:hello 3");
        String large = "x".repeat(200_000);
        assertThat(ask(port, large)).endsWith(large).hasSize(large.length() + 2);
    }

    @Test
    void anInstanceThatRefusesIsSkippedAndARemovedOneGetsNoNewConnection() throws Exception {
        Instance a = instance("a");
        Instance b = instance("b");
        int stopped;
        try (ServerSocket gone = new ServerSocket(0)) {
            stopped = gone.getLocalPort();
        }
        Path file = folder.resolve("balancer.conf");
        LocalBalancer balancer = balancer("gateway 0 " + stopped + "," + a.port() + "," + b.port());
        int port = balancer.port("gateway");

        for (int i = 0; i < 6; i++) {
            assertThat(ask(port, "ping")).as("the killed instance is never the answer").isIn("a:ping", "b:ping");
        }

        write(file, "gateway " + port + " " + b.port());
        balancer.reloadIfChanged();
        assertThat(Files.readString(folder.resolve("balancer.conf.applied"))).as("what ./guichet waits for")
                .isEqualTo(Files.readString(file));
        for (int i = 0; i < 4; i++) {
            assertThat(ask(port, "ping")).isEqualTo("b:ping");
        }

        write(file, "gateway " + port + " ");
        balancer.reloadIfChanged();
        assertThatThrownBy(() -> ask(port, "ping")).as("no instance: the connection is closed, nothing answers")
                .isInstanceOf(IOException.class);
    }

    /** Issue #33: the services' ports listened on every interface, where the gateway's limits are skipped. */
    @Test
    void everyPortListensOnLoopbackOnly() throws Exception {
        LocalBalancer balancer = balancer("beneficiary-service 0 " + instance("a").port());

        assertThat(balancer.address("beneficiary-service").isLoopbackAddress()).isTrue();
        assertThat(balancer.address("beneficiary-service").isAnyLocalAddress()).isFalse();
    }

    /** Issue #33: behind the balancer every client was 127.0.0.1 to the gateway, and shared one rate limit. */
    @Test
    void aProxyComponentIsToldWhoTheClientIsBeforeItsBytes() throws Exception {
        LocalBalancer balancer = balancer("gateway 0 " + instance("a").port() + " proxy");
        int port = balancer.port("gateway");

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).isEqualTo("a:PROXY TCP4 127.0.0.1 127.0.0.1 " + socket.getLocalPort() + " " + port + "\r\nGET /");
        }
        assertThat(ask(balancer("aid-service 0 " + instance("b").port()).port("aid-service"), "GET /"))
                .as("without proxy, the bytes as sent").isEqualTo("b:GET /");
    }

    /**
     * Past its most connections a port closed the next at once, and under a counter's morning at 150/s each was a
     * request lost without an answer (issue #37): the next connection now waits for one to close.
     */
    @Test
    void pastItsMostConnectionsAPortMakesTheNextWaitInsteadOfClosingIt() throws Exception {
        Path file = folder.resolve("balancer.conf");
        Files.writeString(file, "aid-service 0 " + instance("a").port() + "\n");
        LocalBalancer balancer = new LocalBalancer(file, 2);
        open.add(balancer);
        balancer.reload();
        int port = balancer.port("aid-service");
        Socket first = new Socket("127.0.0.1", port);
        open.add(first);
        Socket second = new Socket("127.0.0.1", port);
        open.add(second);

        try (Socket third = new Socket("127.0.0.1", port)) {
            third.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
            third.shutdownOutput();
            third.setSoTimeout(300);
            assertThatThrownBy(() -> third.getInputStream().read()).as("neither closed nor answered while both are open")
                    .isInstanceOf(SocketTimeoutException.class);

            first.close();
            third.setSoTimeout(5000);
            assertThat(new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a:ping");
        }
    }

    @Test
    void aLineThatIsNotAComponentIsRefusedWithItsText() {
        assertThatThrownBy(() -> LocalBalancer.parse(List.of("# comment", "gateway")))
                .hasMessageContaining("gateway");
        assertThat(LocalBalancer.parse(List.of("# comment", "", "aid-service 8082 1,2")).get("aid-service").instances())
                .containsExactly(1, 2);
        assertThat(LocalBalancer.parse(List.of("gateway 8080 1 proxy")).get("gateway").proxy()).isTrue();
        assertThat(LocalBalancer.parse(List.of("gateway 8080 proxy")).get("gateway").instances()).isEmpty();
    }

    private LocalBalancer balancer(String line) throws IOException {
        Path file = folder.resolve("balancer.conf");
        Files.writeString(file, line + "\n");
        LocalBalancer balancer = new LocalBalancer(file);
        open.add(balancer);
        balancer.reload();
        if (line.split("\\s+")[1].equals("0")) {
            // Port 0: the system chose one; written back as ./guichet would have it.
            String name = line.split("\\s+")[0];
            write(file, line.replaceFirst(" 0 ", " " + balancer.port(name) + " "));
            balancer.reloadIfChanged();
        }
        return balancer;
    }

    private static void write(Path file, String content) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, content + "\n");
        // A change within the file system's time resolution is still seen: the size or the time differs.
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochMilli(before.toMillis() + 1000)));
    }

    /** Sends a message, closes its side, reads the whole answer: the balancer passes the half-close on. */
    private static String ask(int port, String message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(message.getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            byte[] answer = socket.getInputStream().readAllBytes();
            if (answer.length == 0) {
                throw new IOException("closed without an answer");
            }
            return new String(answer, StandardCharsets.UTF_8);
        }
    }

    /** An instance that answers "<name>:" and what it read, once the client has finished sending; a thread a connection. */
    private Instance instance(String name) throws IOException {
        ServerSocket server = new ServerSocket(0);
        open.add(server);
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> answer(socket, name));
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    // Closed.
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return new Instance(server.getLocalPort());
    }

    private static void answer(Socket socket, String name) {
        try (socket) {
            InputStream in = socket.getInputStream();
            byte[] read = in.readAllBytes();
            socket.getOutputStream().write((name + ":").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(read);
        } catch (IOException e) {
            // Closed.
        }
    }

    private record Instance(int port) {
    }
}
