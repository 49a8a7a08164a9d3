package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

/** Whether a value can be read, written or both. Write-only values are never polled. */
public enum Access {
    R, RW, W;

    public boolean readable() {
        return this != W;
    }

    public boolean writable() {
        return this != R;
    }

    public static Access fromFile(String s) {
        return s == null ? R : valueOf(s.toUpperCase(Locale.ROOT));
    }
}
