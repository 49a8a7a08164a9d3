package org.heatpumpsuite.polling.vendor;

/**
 * One Luxtronik array read: send {@code command} (3003 parameters, 3004 calculations, 3005 visibilities) and 0, parse
 * the answer with {@link org.heatpumpsuite.polling.vendor.luxtronik.LuxtronikFrames}.
 */
public record ArrayRead(int command, Table table) implements ReadRequest {
}
