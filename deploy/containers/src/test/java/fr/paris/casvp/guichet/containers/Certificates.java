package fr.paris.casvp.guichet.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka cluster's CA and the broker's certificate, made by the JDK's keytool for one test run (valid two days): a
 * PKCS#12 key store for the broker ({@code broker.p12}) and the CA's certificate in PEM ({@code ca.crt}), what Strimzi
 * puts in its secret {@code <cluster>-cluster-ca-cert}.
 */
record Certificates(Path brokerKeystore, String keystorePassword, String caCertificate) {

    static Certificates make(Path folder, String brokerName) throws IOException, InterruptedException {
        if (Files.exists(folder)) {
            try (var old = Files.walk(folder)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        String password = "container-tests";
        Path ca = folder.resolve("ca.p12");
        Path broker = folder.resolve("broker.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=guichet-cluster-ca",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
                "-file", folder.resolve("ca.crt").toString());
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + brokerName,
                "-validity", "2", "-keystore", broker.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-certreq", "-alias", "broker", "-keystore", broker.toString(), "-storepass", password,
                "-file", folder.resolve("broker.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password, "-validity", "2",
                "-ext", "SAN=dns:" + brokerName, "-infile", folder.resolve("broker.csr").toString(),
                "-outfile", folder.resolve("broker.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", folder.resolve("ca.crt").toString(),
                "-keystore", broker.toString(), "-storepass", password);
        keytool("-importcert", "-alias", "broker", "-file", folder.resolve("broker.crt").toString(),
                "-keystore", broker.toString(), "-storepass", password);
        return new Certificates(broker, password, Files.readString(folder.resolve("ca.crt")));
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        PodmanService.run(command.toArray(String[]::new));
    }
}
