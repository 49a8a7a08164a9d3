package org.heatpumpsuite.registry.auth.service;

import java.util.List;

/**
 * The suite's roles (ARCHITECTURE.md, Security), each including the ones below it: viewer reads; operator also writes
 * (dashboards, alert rules, jobs, control); admin also manages pumps, users, API tokens and imports. A token carries
 * the expanded list in {@code groups}.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {
    }

    public static boolean known(String role) {
        return role != null && ALL.contains(role);
    }

    /** The groups of a token for this role: the role and every role below it. */
    public static List<String> groups(String role) {
        int i = ALL.indexOf(role);
        return i < 0 ? List.of() : ALL.subList(0, i + 1);
    }
}
