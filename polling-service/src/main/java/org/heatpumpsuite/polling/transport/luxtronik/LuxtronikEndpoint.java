package org.heatpumpsuite.polling.transport.luxtronik;

/**
 * A Luxtronik controller: port 8889, 8888 on some old 2.0 firmware (protocol-notes.md §1.3).
 *
 * @param heatpumpId for logs and metrics
 */
public record LuxtronikEndpoint(String heatpumpId, String host, int port) {

    public static final int DEFAULT_PORT = 8889;

    public LuxtronikEndpoint {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port 1..65535");
        }
    }

    /** The lock key: one operation at a time per controller. */
    String lockKey() {
        return host + ":" + port;
    }
}
