package org.heatpumpsuite.polling.transport;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.heatpumpsuite.polling.transport.DeviceException.Kind;

/** Maps a failed TCP connect to a {@link DeviceException}: unknown host → DNS, refused → REFUSED, timeout → TIMEOUT. */
public final class ConnectErrors {

    private ConnectErrors() {
    }

    /** All connect failures are retryable: the pump may come back, the name may resolve later. */
    public static DeviceException classify(Throwable failure, String host, int port) {
        String where = host + ":" + port;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new DeviceException(Kind.DNS, "Cannot resolve host " + host, true, failure);
            }
            // Netty's ConnectTimeoutException extends ConnectException: test the timeout first.
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return new DeviceException(Kind.TIMEOUT, "Connecting to " + where + " timed out", true, failure);
            }
            if (t instanceof NoRouteToHostException) {
                return new DeviceException(Kind.OTHER, "No route to " + where, true, failure);
            }
            if (t instanceof ConnectException && t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("unreachable")) {
                return new DeviceException(Kind.OTHER, "Network unreachable for " + where, true, failure);
            }
            if (t instanceof ConnectException) {
                return new DeviceException(Kind.REFUSED, "Connection to " + where + " refused", true, failure);
            }
            String name = t.getClass().getName();
            if (name.contains("DnsNameResolver") || name.contains("UnknownHost")) {
                return new DeviceException(Kind.DNS, "Cannot resolve host " + host, true, failure);
            }
        }
        return new DeviceException(Kind.OTHER, "Connecting to " + where + " failed: " + failure.getMessage(), true,
                failure);
    }
}
