package org.heatpumpsuite.polling.vendor;

/** One request of a poll: a Modbus register block ({@link ReadBlock}) or a Luxtronik array read ({@link ArrayRead}). */
public interface ReadRequest {
}
