package org.heatpumpsuite.polling.simulator;

/**
 * What makes a simulated Luxtronik controller a particular model: array sizes, initial parameters, how physics map
 * to calculations, and which parameter writes the controller takes. Written by the maker's {@code *Simulator} from
 * the reference facts with its own encoding code.
 */
public interface LuxtronikDeviceProfile {

    String model();

    boolean airSource();

    int calculationCount();

    int parameterCount();

    int visibilityCount();

    /** Initial parameters and visibilities. */
    void initialise(int[] parameters, byte[] visibilities);

    /** Feeds written settings that change the physics into the model. */
    default void applySettings(int[] parameters, PumpPhysics physics) {
    }

    /** Writes the current state into the calculations (and read-only parameters such as energy counters). */
    void render(PumpState state, int[] calculations, int[] parameters);

    /**
     * Whether the controller stores {@code rawValue} for parameter {@code id}. The binary protocol has no error
     * frame: a refused write is answered by closing the connection (protocol-notes.md §2.5, "a bad request shows up
     * as a closed connection or no reply").
     */
    boolean acceptWrite(int id, int rawValue);
}
