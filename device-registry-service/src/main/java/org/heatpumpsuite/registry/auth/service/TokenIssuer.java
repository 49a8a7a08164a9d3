package org.heatpumpsuite.registry.auth.service;

import java.time.Instant;
import java.util.HashSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs the suite's tokens (RS256, issuer heatpump-suite, roles in groups) with {@code smallrye.jwt.sign.key.location}.
 * Blocking (reads the key, signs): call it off the event loop.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String ISSUER = "heatpump-suite";

    /** A login token for a user. */
    public String login(String username, String role, String tokenId, Instant expiresAt) {
        return Jwt.issuer(ISSUER).upn(username).subject(username).groups(new HashSet<>(Roles.groups(role)))
                .claim("jti", tokenId).issuedAt(Instant.now()).expiresAt(expiresAt).sign();
    }

    /** An API token: subject {@code token:<name>}, claim {@code token_kind=api}, jti = the token's row id. */
    public String api(String name, String role, String tokenId, Instant expiresAt) {
        String subject = "token:" + name;
        return Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(new HashSet<>(Roles.groups(role)))
                .claim("jti", tokenId).claim(Actor.KIND_CLAIM, "api").issuedAt(Instant.now()).expiresAt(expiresAt)
                .sign();
    }
}
