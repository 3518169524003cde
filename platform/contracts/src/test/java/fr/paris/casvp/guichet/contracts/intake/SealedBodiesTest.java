package fr.paris.casvp.guichet.contracts.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedBodiesTest {

    private static final KeyPair CURRENT = SealedBodies.newKeyPair();
    private static final KeyPair NEXT = SealedBodies.newKeyPair();
    private static final String BODY = """
            {"beneficiaryId":"6f1c2b9e-0000-4000-8000-000000000001","reason":"Loyer impayé après hospitalisation",
            "payee":{"holder":"Lucie Martin","iban":"FR7630006000011234567890189"}}""";

    @Test
    void aSealedBodyShowsNothingOfWhatItHoldsAndOpensWithItsKey() {
        String sealed = SealedBodies.seal((RSAPublicKey) CURRENT.getPublic(), "2026-12", BODY);

        assertThat(sealed).doesNotContain("FR76", "Lucie", "Loyer", "beneficiaryId").matches("[A-Za-z0-9_.-]+");
        assertThat(SealedBodies.isSealed(sealed)).isTrue();
        assertThat(SealedBodies.open(Map.of("2026-12", (RSAPrivateKey) CURRENT.getPrivate()), sealed)).isEqualTo(BODY);
        assertThat(SealedBodies.seal((RSAPublicKey) CURRENT.getPublic(), "2026-12", BODY)).as("sealed anew each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void whileTheKeyIsRotatedBothKeysOpenTheirBodies() {
        Map<String, RSAPrivateKey> keys = SealedBodies.privateKeys("old:" + CommandSignatures.encoded(CURRENT.getPrivate())
                + ",new:" + CommandSignatures.encoded(NEXT.getPrivate()));

        assertThat(SealedBodies.open(keys, SealedBodies.seal((RSAPublicKey) CURRENT.getPublic(), "old", BODY))).isEqualTo(BODY);
        assertThat(SealedBodies.open(keys, SealedBodies.seal((RSAPublicKey) NEXT.getPublic(), "new", BODY))).isEqualTo(BODY);
    }

    @Test
    void aBodySealedForAnotherKeyOrAlteredIsNotOpened() {
        Map<String, RSAPrivateKey> keys = Map.of("current", (RSAPrivateKey) CURRENT.getPrivate());
        String forAnother = SealedBodies.seal((RSAPublicKey) NEXT.getPublic(), "next", BODY);
        assertThatThrownBy(() -> SealedBodies.open(keys, forAnother)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key");
        String wrongKeyUnderItsName = SealedBodies.seal((RSAPublicKey) NEXT.getPublic(), "current", BODY);
        assertThatThrownBy(() -> SealedBodies.open(keys, wrongKeyUnderItsName)).isInstanceOf(IllegalArgumentException.class);
        String sealed = SealedBodies.seal((RSAPublicKey) CURRENT.getPublic(), "current", BODY);
        String[] parts = sealed.split("\\.");
        parts[3] = (parts[3].charAt(0) == 'A' ? "B" : "A") + parts[3].substring(1);
        assertThatThrownBy(() -> SealedBodies.open(keys, String.join(".", parts))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBodyQueuedBeforeBodiesWereSealedIsReadAsItIs() {
        assertThat(SealedBodies.isSealed(BODY)).isFalse();
        assertThat(SealedBodies.open(Map.of(), BODY)).isEqualTo(BODY);
    }

    @Test
    void aKeyWithoutANameIsRefusedWithoutRepeatingIt() {
        String entry = CommandSignatures.encoded(CURRENT.getPrivate());
        assertThatThrownBy(() -> SealedBodies.privateKeys(entry)).hasMessageNotContaining(entry.substring(0, 20));
    }
}
