package org.heatpumpsuite.registry.auth.service;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Refuses API tokens the registry has revoked (or never issued): an API token ({@code token_kind=api}) is accepted
 * only while its row exists, its hash matches and it is not revoked. Login tokens are not looked up.
 */
@ApplicationScoped
public class RevocationCheck implements SecurityIdentityAugmentor {

    @Inject
    Pool pool;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !"api".equals(String.valueOf((Object) jwt.getClaim(Actor.KIND_CLAIM)))) {
            return Uni.createFrom().item(identity);
        }
        String id = jwt.getTokenID();
        if (id == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("API token without id"));
        }
        return pool.preparedQuery("SELECT token_hash, revoked_at FROM api_tokens WHERE id = $1")
                .execute(Tuple.of(id))
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .map(rows -> check(rows, jwt, identity));
    }

    private static SecurityIdentity check(RowSet<Row> rows, JsonWebToken jwt, SecurityIdentity identity) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            throw new AuthenticationFailedException("unknown API token");
        }
        Row row = it.next();
        OffsetDateTime revoked = row.getOffsetDateTime("revoked_at");
        if (revoked != null) {
            throw new AuthenticationFailedException("revoked API token");
        }
        if (jwt.getRawToken() != null && !ApiTokenService.sha256(jwt.getRawToken()).equals(row.getString("token_hash"))) {
            throw new AuthenticationFailedException("API token does not match its record");
        }
        return identity;
    }
}
