package org.heatpumpsuite.polling.simulator;

import java.time.Instant;
import java.util.SplittableRandom;

import org.heatpumpsuite.polling.simulator.PumpState.Mode;

/**
 * A small, deterministic heat-pump model: plausible values that change with (simulated) time.
 * <ul>
 * <li>Outdoor temperature: a daily cycle (coldest ~03:00, warmest ~15:00) around a per-pump base.</li>
 * <li>Space heating below 16 °C outdoors: the compressor cycles in 40-minute periods, on for a share that grows as
 * it gets colder; flow follows a heating curve and stays above return while heating.</li>
 * <li>Hot water: a 45-minute charge every 6 hours up to the hot-water target; the tank cools in between.</li>
 * <li>Defrost (air-source pumps only): 5 minutes every 90 minutes while heating below 7 °C; flow drops below
 * return.</li>
 * <li>Counters (energy, starts, hours) are integrated and only grow.</li>
 * </ul>
 * The same seed gives the same pump; different seeds shift phases and base temperatures so thousands of simulated
 * pumps do not move in lock-step.
 */
public final class PumpPhysics {

    static final long DHW_PERIOD_S = 6 * 3600;
    static final long DHW_WINDOW_S = 45 * 60;
    static final long HEAT_PERIOD_S = 40 * 60;
    static final long DEFROST_PERIOD_S = 90 * 60;
    static final long DEFROST_WINDOW_S = 5 * 60;
    static final long ALARM_PERIOD_S = 3 * 86400;
    static final long ALARM_WINDOW_S = 30 * 60;
    static final double HEATING_LIMIT_C = 16.0;
    private static final double MAX_STEP_S = 30.0;

    private final boolean airSource;
    private final double outdoorBase;
    private final long phase;
    private final long alarmPhase;
    private volatile double dhwTarget = 50.0;

    // integrated state
    private long lastMillis = Long.MIN_VALUE;
    private boolean lastCompressorOn;
    private double heatEnergyHeating;
    private double heatEnergyDhw;
    private double elecEnergyHeating;
    private double elecEnergyDhw;
    private long compressorStarts;
    private double compressorSeconds;
    private double compressorDhwSeconds;
    private double heatingSeconds;
    private double dhwSeconds;
    private double operatingSeconds;
    private double defrostSeconds;
    private PumpState last;

    public PumpPhysics(long seed, boolean airSource) {
        SplittableRandom r = new SplittableRandom(seed);
        this.airSource = airSource;
        this.outdoorBase = -1.0 + r.nextDouble() * 8.0;
        this.phase = r.nextLong(DHW_PERIOD_S);
        this.alarmPhase = r.nextLong(ALARM_PERIOD_S);
        // A pump that has been running for some years.
        double years = 1 + r.nextDouble() * 5;
        this.compressorSeconds = years * 2000 * 3600;
        this.compressorDhwSeconds = compressorSeconds * 0.2;
        this.heatingSeconds = compressorSeconds * 0.8;
        this.dhwSeconds = compressorDhwSeconds;
        this.operatingSeconds = compressorSeconds * 1.05;
        this.compressorStarts = (long) (years * 2500);
        this.heatEnergyHeating = years * 9000;
        this.heatEnergyDhw = years * 2500;
        this.elecEnergyHeating = heatEnergyHeating / 3.8;
        this.elecEnergyDhw = heatEnergyDhw / 2.6;
    }

    public boolean airSource() {
        return airSource;
    }

    /** The hot-water target the tank is charged to (a written set point feeds back here). */
    public void setDhwTarget(double celsius) {
        this.dhwTarget = Math.max(30, Math.min(70, celsius));
    }

    public double dhwTarget() {
        return dhwTarget;
    }

    /** Moves the model to {@code time} (integrating the counters) and returns the state then. */
    public synchronized PumpState advanceTo(Instant time) {
        long now = time.toEpochMilli();
        if (lastMillis == Long.MIN_VALUE) {
            lastMillis = now;
            lastCompressorOn = instant(now / 1000.0).compressorOn;
        } else if (now > lastMillis) {
            double total = (now - lastMillis) / 1000.0;
            // Steps of 30 s keep every on/off switch visible; very long jumps use coarser steps (still growing).
            double step = Math.max(MAX_STEP_S, total / 200_000);
            double t = lastMillis / 1000.0;
            double end = now / 1000.0;
            while (t < end) {
                double dt = Math.min(step, end - t);
                t += dt;
                Inst i = instant(t);
                integrate(i, dt);
            }
            lastMillis = now;
        } else if (last != null) {
            return last; // time does not run backwards for the counters
        }
        last = snapshot(time, instant(now / 1000.0));
        return last;
    }

    private void integrate(Inst i, double dt) {
        if (i.compressorOn && !lastCompressorOn) {
            compressorStarts++;
        }
        lastCompressorOn = i.compressorOn;
        if (i.compressorOn) {
            compressorSeconds += dt;
            operatingSeconds += dt;
        }
        switch (i.mode) {
            case HEATING -> {
                heatingSeconds += dt;
                heatEnergyHeating += i.thermalKw * dt / 3600;
                elecEnergyHeating += i.electricKw * dt / 3600;
            }
            case HOT_WATER -> {
                dhwSeconds += dt;
                compressorDhwSeconds += dt;
                heatEnergyDhw += i.thermalKw * dt / 3600;
                elecEnergyDhw += i.electricKw * dt / 3600;
            }
            case DEFROST -> {
                defrostSeconds += dt;
                elecEnergyHeating += i.electricKw * dt / 3600;
            }
            default -> elecEnergyHeating += i.electricKw * dt / 3600;
        }
    }

    private PumpState snapshot(Instant time, Inst i) {
        return new PumpState(time, i.mode, i.compressorOn, i.pumpOn, i.alarm, round(i.outdoor), round(outdoorBase),
                round(i.room), round(i.flow), round(i.ret), round(i.flowTarget), round(i.dhwTop), round(i.dhwBottom),
                dhwTarget, round(i.sourceIn), round(i.sourceOut), round(i.hotGas), round(i.suction), round(i.liquid),
                round(i.frequency), i.pumpSpeed, round(i.flowRate), i.electricKw, i.thermalKw, heatEnergyHeating,
                heatEnergyDhw, elecEnergyHeating, elecEnergyDhw, compressorStarts, compressorSeconds,
                compressorDhwSeconds, heatingSeconds, dhwSeconds, operatingSeconds, defrostSeconds);
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static final class Inst {
        Mode mode;
        boolean compressorOn;
        boolean pumpOn;
        boolean alarm;
        double outdoor;
        double room;
        double flow;
        double ret;
        double flowTarget;
        double dhwTop;
        double dhwBottom;
        double sourceIn;
        double sourceOut;
        double hotGas;
        double suction;
        double liquid;
        double frequency;
        int pumpSpeed;
        double flowRate;
        double electricKw;
        double thermalKw;
    }

    /** The instantaneous (non-integrated) state at epoch second {@code t}. */
    private Inst instant(double t) {
        Inst i = new Inst();
        long ts = (long) Math.floor(t);
        double dayFraction = Math.floorMod(ts, 86400L) / 86400.0;
        i.outdoor = outdoorBase + 5.0 * Math.sin(2 * Math.PI * (dayFraction - 0.375))
                + 0.3 * Math.sin(2 * Math.PI * t / 1700.0);
        i.room = 21.0 + 0.4 * Math.sin(2 * Math.PI * (dayFraction - 0.4));
        double duty = clamp((HEATING_LIMIT_C - i.outdoor) / 24.0, 0.25, 1.0);
        i.flowTarget = clamp(22.0 + (20.0 - i.outdoor) * 0.6, 25.0, 55.0);

        long local = ts + phase;
        long inDhwCycle = Math.floorMod(local, DHW_PERIOD_S);
        boolean dhw = inDhwCycle < DHW_WINDOW_S;
        boolean heatDemand = i.outdoor < HEATING_LIMIT_C;
        boolean heatOn = heatDemand && Math.floorMod(local, HEAT_PERIOD_S) < duty * HEAT_PERIOD_S;
        boolean defrost = airSource && !dhw && heatOn && i.outdoor < 7.0
                && Math.floorMod(local + 1234, DEFROST_PERIOD_S) < DEFROST_WINDOW_S;
        i.mode = dhw ? Mode.HOT_WATER : defrost ? Mode.DEFROST : heatOn ? Mode.HEATING : Mode.STANDBY;
        i.compressorOn = i.mode != Mode.STANDBY;
        i.pumpOn = i.compressorOn || heatDemand;
        i.alarm = Math.floorMod(ts + alarmPhase, ALARM_PERIOD_S) < ALARM_WINDOW_S;

        // Hot-water tank: charged from target-6 to target during the window, then cools back.
        double progress = dhw ? inDhwCycle / (double) DHW_WINDOW_S
                : 1.0 - (inDhwCycle - DHW_WINDOW_S) / (double) (DHW_PERIOD_S - DHW_WINDOW_S);
        i.dhwTop = dhwTarget - 6.0 + 6.0 * progress;
        i.dhwBottom = i.dhwTop - (dhw ? 4.0 : 9.0);

        double ripple = 0.4 * Math.sin(2 * Math.PI * t / 600.0);
        double cop;
        switch (i.mode) {
            case HEATING -> {
                i.flow = i.flowTarget + ripple;
                i.ret = i.flow - (3.0 + 2.0 * duty);
                i.frequency = 25 + 60 * duty;
                cop = clamp(2.6 + 0.08 * (i.outdoor + 10), 2.0, 5.5);
            }
            case HOT_WATER -> {
                i.flow = Math.min(i.dhwTop + 8.0, 62.0);
                i.ret = i.flow - 5.0;
                i.frequency = 70;
                cop = 2.6;
            }
            case DEFROST -> {
                i.ret = i.flowTarget - 4.0;
                i.flow = i.ret - 3.0;
                i.frequency = 80;
                cop = 0;
            }
            default -> {
                i.ret = Math.min(i.flowTarget, 30.0) - 6.0;
                i.flow = i.ret + 0.2;
                i.frequency = 0;
                cop = 0;
            }
        }
        if (airSource) {
            i.sourceIn = i.outdoor;
            i.sourceOut = i.outdoor - (i.compressorOn ? 4.0 : 0.0);
        } else {
            i.sourceIn = 7.5 + 0.5 * Math.sin(2 * Math.PI * dayFraction);
            i.sourceOut = i.sourceIn - (i.compressorOn ? 3.5 : 0.4);
        }
        i.hotGas = i.compressorOn ? i.flow + 28.0 : i.ret + 2.0;
        i.suction = i.compressorOn ? i.sourceOut - 6.0 : i.sourceIn;
        i.liquid = i.compressorOn ? i.ret + 2.0 : i.ret;
        i.pumpSpeed = i.pumpOn ? (i.compressorOn ? 70 : 35) : 0;
        i.flowRate = i.pumpOn ? (i.compressorOn ? 22.0 : 11.0) : 0.0;
        i.electricKw = i.compressorOn ? Math.round((0.3 + i.frequency * 0.03) * 1000) / 1000.0 : 0.015;
        i.thermalKw = i.mode == Mode.DEFROST ? -1.2 : Math.round(i.electricKw * cop * 1000) / 1000.0;
        return i;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
