package org.heatpumpsuite.testsupport;

import org.junit.jupiter.api.Test;

class ContractExamplesTest {
    @Test
    void probe() {
        System.out.println("VALID: " + Contracts.validate("readings", Contracts.example("readings", "idm-navigator-2-0.json")));
        String bad = Contracts.example("readings", "idm-navigator-2-0.json").replace("\"temp_flow\": 38.2", "\"temp_flow\": null").replace("\"model\": \"navigator_2_0\"", "\"model\": \"s1255\"").replace("\"kind\": \"timeout\"", "\"kind\": \"modbus_exception\"");
        System.out.println("INVALID: " + String.join("\n", Contracts.validate("readings", bad)));
        System.out.println("META: " + Contracts.metaschemaViolations("readings") + Contracts.metaschemaViolations("common"));
        System.out.println("META bad: " + Contracts.validate("readings", "{"));
    }
}
