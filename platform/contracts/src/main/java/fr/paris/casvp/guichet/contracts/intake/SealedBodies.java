package fr.paris.casvp.guichet.contracts.intake;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

/**
 * The body of a queued command (what the agent typed: a person's circumstances, an IBAN), sealed by the gateway for the
 * benefit's service: a JWE in compact form (RSA-OAEP-256 and A256GCM, {@code kid} = the key's name), so that what lies
 * on {@code intake.<benefit>.v1} — the broker's disks, its replicas, a copy of the topic — shows no personal data. The
 * gateway holds the public key only; the services hold the private keys by name, so that the key can be rotated like
 * the signing key ({@link CommandSignatures}): a new one is given to the services before the gateway seals with it.
 * The record's signature covers the sealed body.
 */
public final class SealedBodies {

    private static final String ALGORITHM = "RSA";

    private SealedBodies() {
    }

    /** A new key pair (RSA 3072): the local run makes one; a deployment keeps its own in a secret. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(3072);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body sealed for the holder of the private key named {@code keyId}. */
    public static String seal(RSAPublicKey key, String keyId, String body) {
        JWEObject sealed = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(keyId).contentType("application/json").build(), new Payload(body));
        try {
            sealed.encrypt(new RSAEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot seal a queued command's body", e);
        }
        return sealed.serialize();
    }

    /** True for a sealed body; a body queued before bodies were sealed is its JSON, which starts with '{'. */
    public static boolean isSealed(String body) {
        return body != null && !body.isBlank() && !body.stripLeading().startsWith("{");
    }

    /**
     * The body a sealed one holds, or the body itself when it was not sealed.
     *
     * @throws IllegalArgumentException when it is sealed for a key not among {@code keys}, or cannot be opened
     */
    public static String open(Map<String, RSAPrivateKey> keys, String body) {
        if (!isSealed(body)) {
            return body;
        }
        try {
            JWEObject sealed = JWEObject.parse(body);
            RSAPrivateKey key = keys.get(sealed.getHeader().getKeyID());
            if (key == null) {
                throw new IllegalArgumentException("sealed for an unknown key: " + sealed.getHeader().getKeyID());
            }
            sealed.decrypt(new RSADecrypter(key));
            return sealed.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("cannot be opened: " + e.getMessage(), e);
        }
    }

    /** A public key from its base64 X.509 form. */
    public static RSAPublicKey publicKey(String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 X.509 RSA public key", e);
        }
    }

    /** A private key from its base64 PKCS#8 form. */
    public static RSAPrivateKey privateKey(String base64) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 PKCS#8 RSA private key", e);
        }
    }

    /** The private keys written as {@code name:base64,name:base64} ({@code GUICHET_INTAKE_SEALING_KEYS}), by name. */
    public static Map<String, RSAPrivateKey> privateKeys(String text) {
        return CommandSignatures.named(text, SealedBodies::privateKey);
    }
}
