package fr.paris.casvp.guichet.local;

import fr.paris.casvp.guichet.contracts.intake.CommandSignatures;
import fr.paris.casvp.guichet.contracts.intake.SealedBodies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.function.Supplier;

/**
 * The local run's key pairs for queued commands, each made once and kept (the private half readable by this user only,
 * base64 PKCS#8; the public half base64 X.509):
 * <ul>
 * <li>{@code intake-signing.key} / {@code .pub}: the gateway signs with the private key, the services trust the public
 * one ({@link CommandSignatures});</li>
 * <li>{@code intake-sealing.key} / {@code .pub}: the gateway seals the bodies with the public key, the services open them
 * with the private one ({@link SealedBodies}).</li>
 * </ul>
 *
 * <pre>java ... LocalSigningKey &lt;secrets folder&gt;</pre>
 */
public final class LocalSigningKey {

    private LocalSigningKey() {
    }

    public static void main(String[] args) throws IOException {
        Path secrets = Path.of(args[0]);
        make(secrets, "intake-signing", CommandSignatures::newKeyPair);
        make(secrets, "intake-sealing", SealedBodies::newKeyPair);
    }

    private static void make(Path secrets, String name, Supplier<KeyPair> newKeyPair) throws IOException {
        Path privateKey = secrets.resolve(name + ".key");
        Path publicKey = secrets.resolve(name + ".pub");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        KeyPair keys = newKeyPair.get();
        Files.deleteIfExists(privateKey);
        Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey, CommandSignatures.encoded(keys.getPrivate()));
        Files.writeString(publicKey, CommandSignatures.encoded(keys.getPublic()));
        System.out.println("Key pair " + name + " made in " + secrets);
    }
}
