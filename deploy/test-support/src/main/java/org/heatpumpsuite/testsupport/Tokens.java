package org.heatpumpsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints tokens by the suite's rules (RS256, issuer {@code heatpump-suite}, roles in {@code groups}) with a key pair
 * generated once into {@code target/test-keys/} of the module under test.
 */
public final class Tokens {

    public static final String ISSUER = "heatpump-suite";
    private static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();
    private static PrivateKey privateKey;

    private Tokens() {
    }

    public static Path publicKeyPem() {
        ensureKeys();
        return DIR.resolve("jwt-public.pem");
    }

    public static Path privateKeyPem() {
        ensureKeys();
        return DIR.resolve("jwt-private.pem");
    }

    public static String viewer() {
        return token("viewer-user", "viewer");
    }

    public static String operator() {
        return token("operator-user", "operator", "viewer");
    }

    public static String admin() {
        return token("admin-user", "admin", "operator", "viewer");
    }

    /** A valid token for the subject with exactly these roles. */
    public static String token(String subject, String... roles) {
        ensureKeys();
        return Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1)).sign(privateKey);
    }

    /** A token signed with a key the services do not trust. */
    public static String signedByStranger() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return Jwt.issuer(ISSUER).upn("intruder").groups(Set.of("admin")).sign(g.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureKeys() {
        if (privateKey != null) {
            return;
        }
        try {
            Path priv = DIR.resolve("jwt-private.pem");
            Path pub = DIR.resolve("jwt-public.pem");
            if (!Files.exists(priv) || !Files.exists(pub)) {
                Files.createDirectories(DIR);
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair kp = g.generateKeyPair();
                Files.writeString(priv, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
                Files.writeString(pub, pem("PUBLIC KEY", kp.getPublic().getEncoded()));
            }
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
