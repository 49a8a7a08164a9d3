package org.heatpumpsuite.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the application under test at the test key pair (verify with the public key; the registry also signs). */
public class TokenResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey.location", Tokens.publicKeyPem().toUri().toString(),
                "smallrye.jwt.sign.key.location", Tokens.privateKeyPem().toUri().toString());
    }

    @Override
    public void stop() {
        // keys stay in target/test-keys for the next run
    }
}
