package org.heatpumpsuite.polling.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatpumpsuite.polling.simulator.RegisterLayout.Access;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.RegisterLayout.WriteDecision;
import org.junit.jupiter.api.Test;

/** Device rules of the register image: undefined blocks, whole values, access, validators, atomic writes. */
class RegisterImageTest {

    private final RegisterLayout layout = RegisterLayout.builder()
            .value(Table.HOLDING, 10, 2, Access.RW, "float", w -> w[1] == 0xFFFF ? WriteDecision.reject(3)
                    : WriteDecision.ACCEPT)
            .value(Table.HOLDING, 12, 1, Access.RW, "clamped", w -> w[0] > 50 ? new WriteDecision.Store(new int[] { 50 })
                    : WriteDecision.ACCEPT)
            .value(Table.HOLDING, 13, 1, Access.RW, "ignoring", w -> w[0] > 3 ? WriteDecision.IGNORE : WriteDecision.ACCEPT)
            .readOnly(Table.HOLDING, 14, 1, "ro")
            .value(Table.HOLDING, 15, 1, Access.W, "wo", null)
            .readOnly(Table.INPUT, 10, 1, "input")
            .build();
    private final RegisterImage image = new RegisterImage(layout);

    @Test
    void readsTouchingUndefinedAddressesFail() {
        assertThat(image.read(Table.HOLDING, 10, 6)).hasSize(6);
        assertThat(image.read(Table.HOLDING, 9, 2)).isNull();
        assertThat(image.read(Table.HOLDING, 15, 2)).isNull();
        assertThat(image.read(Table.INPUT, 10, 1)).hasSize(1);
        assertThat(image.read(Table.INPUT, 11, 1)).isNull();
    }

    @Test
    void writesFollowAccessWholeValuesAndValidators() {
        assertThat(image.write(Table.HOLDING, 11, new int[] { 1 })).isEqualTo(2); // half a value
        assertThat(image.write(Table.HOLDING, 10, new int[] { 1 })).isEqualTo(2); // half a value
        assertThat(image.write(Table.HOLDING, 14, new int[] { 1 })).isEqualTo(2); // read-only
        assertThat(image.write(Table.INPUT, 10, new int[] { 1 })).isEqualTo(2);
        assertThat(image.write(Table.HOLDING, 15, new int[] { 7 })).isZero(); // write-only
        assertThat(image.write(Table.HOLDING, 12, new int[] { 99 })).isZero();
        assertThat(image.get(Table.HOLDING, 12)).isEqualTo(50); // clamped
        assertThat(image.write(Table.HOLDING, 13, new int[] { 9 })).isZero();
        assertThat(image.get(Table.HOLDING, 13)).isZero(); // ignored
        // atomic: the second value is rejected, so the first is not stored either
        assertThat(image.write(Table.HOLDING, 12, new int[] { 5, 1 })).isZero();
        assertThat(image.write(Table.HOLDING, 10, new int[] { 1, 0xFFFF, 7 })).isEqualTo(3);
        assertThat(image.read(Table.HOLDING, 10, 3)).containsExactly(0, 0, 5);
        assertThat(image.write(Table.HOLDING, 10, new int[] { 1, 2, 7, 2 })).isZero();
        assertThat(image.read(Table.HOLDING, 10, 4)).containsExactly(1, 2, 7, 2);
    }

    @Test
    void overlappingDefinitionsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RegisterLayout.builder()
                .readOnly(Table.HOLDING, 1, 2, "a").readOnly(Table.HOLDING, 2, 1, "b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defined twice");
    }
}
