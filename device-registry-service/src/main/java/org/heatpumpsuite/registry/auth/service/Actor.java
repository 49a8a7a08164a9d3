package org.heatpumpsuite.registry.auth.service;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who asks: the user or API token name as written to the audit log and to {@code requested_by}, and where the request
 * came from ({@code ui} for a login token, {@code api} for an API token, {@code job} for a scheduled job).
 */
public record Actor(String name, String source, String rawToken) {

    /** Claim that marks an API token (value {@code api}); its {@code jti} is the token's row id. */
    public static final String KIND_CLAIM = "token_kind";

    public static Actor of(JsonWebToken jwt) {
        if (jwt == null || jwt.getName() == null) {
            return new Actor("anonymous", "ui", null);
        }
        boolean api = "api".equals(String.valueOf((Object) jwt.getClaim(KIND_CLAIM)));
        return new Actor(jwt.getName(), api ? "api" : "ui", jwt.getRawToken());
    }

    public static Actor system(String name) {
        return new Actor(name, "ui", null);
    }

    public static Actor job(String jobName) {
        return new Actor("job:" + jobName, "job", null);
    }

    public boolean isApiToken() {
        return "api".equals(source);
    }
}
