package fr.paris.casvp.guichet.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * podman's Docker-compatible API on a socket of this build ({@code DOCKER_HOST}, set by the pom), started for the
 * container tests and stopped after them (by its process), and the images they run, loaded from their archives.
 */
final class PodmanService implements AutoCloseable {

    private final Process service;

    private PodmanService(Process service) {
        this.service = service;
    }

    /** True when podman is installed and the pom gave the socket's address. */
    static boolean available() {
        return onPath("podman") && System.getenv("DOCKER_HOST") != null && System.getenv("DOCKER_HOST").startsWith("unix://");
    }

    static PodmanService start() throws IOException, InterruptedException {
        Path socket = Path.of(System.getenv("DOCKER_HOST").substring("unix://".length()));
        Files.deleteIfExists(socket);
        Files.createDirectories(socket.getParent());
        Process service = new ProcessBuilder("podman", "system", "service", "--time=0", "unix://" + socket)
                .redirectErrorStream(true).redirectOutput(socket.resolveSibling("podman-service.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(socket)) {
            service.destroy();
            throw new IllegalStateException("podman's socket did not appear at " + socket);
        }
        return new PodmanService(service);
    }

    /** Loads an image archive (docker-archive, as Jib and deploy/images write them). */
    static void load(Path archive) throws IOException, InterruptedException {
        run("podman", "load", "-q", "-i", archive.toString());
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    static boolean onPath(String tool) {
        List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return path.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    @Override
    public void close() throws InterruptedException {
        service.destroy();
        if (!service.waitFor(20, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
    }
}
