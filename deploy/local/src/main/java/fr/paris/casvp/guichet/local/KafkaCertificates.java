package fr.paris.casvp.guichet.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Kafka cluster's CA and its broker's certificate, made with the JDK's keytool, as Strimzi makes them for a cluster:
 * the broker's key and certificate chain in a PKCS#12 key store ({@code broker.p12}, its password in {@code password}),
 * and the CA's certificate in PEM ({@code ca.crt}), what Strimzi puts in its secret {@code <cluster>-cluster-ca-cert}
 * and what a partner is given to check the broker. The CA's key ({@code ca.p12}) stays in the folder.
 *
 * <pre>java ... KafkaCertificates &lt;folder&gt; &lt;days of validity&gt; &lt;broker's name&gt;...</pre>
 *
 * Used by {@code ./guichet} for the local broker's TLS listener (names {@code localhost} and {@code 127.0.0.1}) and by
 * the container tests (the name of the bootstrap Service). The folder is emptied first.
 */
public record KafkaCertificates(Path brokerKeystore, String keystorePassword, String caCertificate) {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: KafkaCertificates <folder> <days of validity> <broker's name>...");
            System.exit(2);
        }
        make(Path.of(args[0]), Integer.parseInt(args[1]), List.of(args).subList(2, args.length));
    }

    /** @param names the broker's DNS names and IP addresses, as its clients name it (the first is its common name) */
    public static KafkaCertificates make(Path folder, int days, List<String> names) throws IOException, InterruptedException {
        if (Files.exists(folder)) {
            try (var old = Files.walk(folder)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(folder);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(folder.resolve("password"), password);
        Path ca = folder.resolve("ca.p12");
        Path broker = folder.resolve("broker.p12");
        String validity = String.valueOf(days);
        String subjectNames = names.stream().map(name -> (name.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + name)
                .collect(Collectors.joining(","));
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=guichet-cluster-ca",
                "-ext", "bc:c", "-validity", validity, "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
                "-file", folder.resolve("ca.crt").toString());
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + names.get(0),
                "-validity", validity, "-keystore", broker.toString(), "-storetype", "PKCS12", "-storepass", password);
        keytool("-certreq", "-alias", "broker", "-keystore", broker.toString(), "-storepass", password,
                "-file", folder.resolve("broker.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password, "-validity", validity,
                "-ext", "SAN=" + subjectNames, "-infile", folder.resolve("broker.csr").toString(),
                "-outfile", folder.resolve("broker.crt").toString());
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", folder.resolve("ca.crt").toString(),
                "-keystore", broker.toString(), "-storepass", password);
        keytool("-importcert", "-alias", "broker", "-file", folder.resolve("broker.crt").toString(),
                "-keystore", broker.toString(), "-storepass", password);
        return new KafkaCertificates(broker, password, Files.readString(folder.resolve("ca.crt")));
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
