package fr.paris.casvp.guichet.contracts.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandSignaturesTest {

    private final KeyPair gateway = CommandSignatures.newKeyPair();
    private final String command = "{\"receiptNumber\":\"AB12-CD34-EF56\",\"agent\":{\"username\":\"agent13\",\"section\":\"13\"}}";

    @Test
    void theGatewaysSignatureVerifiesWithItsPublicKeyOnly() {
        String signature = CommandSignatures.sign(gateway.getPrivate(), command);

        assertThat(CommandSignatures.verify(gateway.getPublic(), command, signature)).isTrue();
        assertThat(CommandSignatures.verify(CommandSignatures.newKeyPair().getPublic(), command, signature)).isFalse();
        assertThat(CommandSignatures.verify(gateway.getPublic(), command.replace("\"13\"", "\"18\""), signature)).isFalse();
        assertThat(CommandSignatures.verify(gateway.getPublic(), command, "not base64 !")).isFalse();
        assertThat(CommandSignatures.verify(gateway.getPublic(), command, "")).isFalse();
    }

    @Test
    void keysTravelAsBase64AndTrustedKeysAreNamedForRotation() {
        KeyPair next = CommandSignatures.newKeyPair();
        String trusted = "2026-12:" + CommandSignatures.encoded(gateway.getPublic()) + ", 2027-06:"
                + CommandSignatures.encoded(next.getPublic());

        Map<String, PublicKey> keys = CommandSignatures.trustedKeys(trusted);

        assertThat(keys).containsOnlyKeys("2026-12", "2027-06");
        String signature = CommandSignatures.sign(CommandSignatures.privateKey(CommandSignatures.encoded(next.getPrivate())), command);
        assertThat(CommandSignatures.verify(keys.get("2027-06"), command, signature)).isTrue();
        assertThat(CommandSignatures.trustedKeys("")).isEmpty();
        assertThatThrownBy(() -> CommandSignatures.trustedKeys("no-colon")).hasMessageContaining("name:base64");
        assertThatThrownBy(() -> CommandSignatures.publicKey("bm90IGEga2V5")).hasMessageContaining("X.509");
    }
}
