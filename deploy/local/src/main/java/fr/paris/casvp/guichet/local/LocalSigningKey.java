package fr.paris.casvp.guichet.local;

import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

/**
 * The local run's key pair for signing queued commands ({@link CommandSignatures}), made once and kept:
 * {@code intake-signing.key} (the gateway's private key, base64 PKCS#8, readable by this user only) and
 * {@code intake-signing.pub} (the public key the services trust, base64 X.509).
 *
 * <pre>java ... LocalSigningKey &lt;secrets folder&gt;</pre>
 */
public final class LocalSigningKey {

    private LocalSigningKey() {
    }

    public static void main(String[] args) throws Exception {
        Path secrets = Path.of(args[0]);
        Path privateKey = secrets.resolve("intake-signing.key");
        Path publicKey = secrets.resolve("intake-signing.pub");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        KeyPair keys = CommandSignatures.newKeyPair();
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, CommandSignatures.encoded(keys.getPrivate()));
        Files.writeString(publicKey, CommandSignatures.encoded(keys.getPublic()));
        System.out.println("Signing key of queued commands made in " + privateKey);
    }
}
