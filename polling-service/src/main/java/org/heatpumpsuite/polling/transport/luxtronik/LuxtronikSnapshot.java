package org.heatpumpsuite.polling.transport.luxtronik;

/**
 * Raw values of one full read (3003 + 3004 + 3005 on one connection, as python-luxtronik reads): index = id.
 *
 * @param calculationStatus the status field of the 3004 reply (0 from the reference's test controller; the meaning
 *                          of other values is undocumented)
 */
public record LuxtronikSnapshot(int[] parameters, int[] calculations, int calculationStatus, byte[] visibilities) {
}
