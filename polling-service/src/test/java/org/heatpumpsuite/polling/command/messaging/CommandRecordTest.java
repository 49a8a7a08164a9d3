package org.heatpumpsuite.polling.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.heatpumpsuite.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Commands are read as the contract defines them; a bad one names the field at fault (it goes to the DLQ). */
class CommandRecordTest {

    static final ObjectMapper JSON = new ObjectMapper();

    ObjectNode example() throws Exception {
        return (ObjectNode) JSON.readTree(Contracts.example("commands", "idm-bms-request-job.json"));
    }

    @Test
    void theGoldenExampleParses() throws Exception {
        CommandRecord c = CommandRecord.parse("hp-3f9a1c27", example());
        assertThat(c.sensor()).isEqualTo("bms_temp_request_heating");
        assertThat(CommandRecord.driverValue(c.value())).isEqualTo(new BigDecimal("42.5"));
        assertThat(c.requestedBy()).isEqualTo("job:night-setback");
    }

    @Test
    void badCommandsNameTheField() throws Exception {
        assertThatThrownBy(() -> CommandRecord.parse("hp-00000001", example())).hasMessageContaining("differs from heatpump_id");
        ObjectNode noValue = example();
        noValue.remove("value");
        assertThatThrownBy(() -> CommandRecord.parse("hp-3f9a1c27", noValue)).hasMessageContaining("'value'");
        ObjectNode nullValue = example();
        nullValue.putNull("value");
        assertThatThrownBy(() -> CommandRecord.parse("hp-3f9a1c27", nullValue)).hasMessageContaining("'value'");
        ObjectNode badId = example();
        badId.put("command_id", "42");
        assertThatThrownBy(() -> CommandRecord.parse("hp-3f9a1c27", badId)).hasMessageContaining("'command_id'");
        ObjectNode badTime = example();
        badTime.put("requested_at", "yesterday");
        assertThatThrownBy(() -> CommandRecord.parse("hp-3f9a1c27", badTime)).hasMessageContaining("'requested_at'");
    }
}
