package org.heatpumpsuite.polling.poll.service;

import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikClient;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikEndpoint;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;

/**
 * How to reach a polled pump for a write: the same Modbus session its poller uses (requests are serialised there, one
 * in flight) or the shared Luxtronik client (one operation per controller at a time), with its driver and device
 * configuration. Valid while the pump is polled; a session closed meanwhile fails the request.
 *
 * @param session  the poller's Modbus session; null for Luxtronik pumps
 * @param endpoint the Luxtronik endpoint; null for Modbus pumps
 */
public record PumpLink(PumpConfig config, HeatpumpDriver driver, DeviceConfig deviceConfig, ModbusSession session,
        LuxtronikClient luxtronik, LuxtronikEndpoint endpoint) {
}
