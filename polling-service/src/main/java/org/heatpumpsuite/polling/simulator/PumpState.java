package org.heatpumpsuite.polling.simulator;

import java.time.Instant;

/**
 * The physical state of a simulated pump at one instant, in engineering units (°C, kW, kWh, Hz, l/min, s). Each
 * maker's simulator turns it into its own register encoding. Counters only ever grow.
 */
public record PumpState(
        Instant time,
        Mode mode,
        boolean compressorOn,
        boolean circulationPumpOn,
        boolean alarmActive,
        double outdoorTemp,
        double outdoorAvgTemp,
        double roomTemp,
        double flowTemp,
        double returnTemp,
        double flowTargetTemp,
        double dhwTopTemp,
        double dhwBottomTemp,
        double dhwTargetTemp,
        double sourceInTemp,
        double sourceOutTemp,
        double hotGasTemp,
        double suctionTemp,
        double liquidLineTemp,
        double compressorFrequencyHz,
        int pumpSpeedPercent,
        double flowRateLpm,
        double electricPowerKw,
        double thermalPowerKw,
        double heatEnergyHeatingKwh,
        double heatEnergyDhwKwh,
        double electricEnergyHeatingKwh,
        double electricEnergyDhwKwh,
        long compressorStarts,
        double compressorSeconds,
        double compressorDhwSeconds,
        double heatingSeconds,
        double dhwSeconds,
        double operatingSeconds,
        double defrostSeconds) {

    /** What the pump is doing. */
    public enum Mode {
        /** No demand: compressor off. */
        STANDBY,
        /** Space heating, compressor on, flow above return. */
        HEATING,
        /** Charging the hot-water tank. */
        HOT_WATER,
        /** Reversed cycle to defrost the outdoor coil (air-source only): flow below return. */
        DEFROST
    }

    public double heatEnergyTotalKwh() {
        return heatEnergyHeatingKwh + heatEnergyDhwKwh;
    }

    public double electricEnergyTotalKwh() {
        return electricEnergyHeatingKwh + electricEnergyDhwKwh;
    }
}
