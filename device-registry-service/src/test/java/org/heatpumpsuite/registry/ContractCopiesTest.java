package org.heatpumpsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.heatpumpsuite.testsupport.Contracts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas the registry ships to validate dashboards are the contracts in docs/contracts, unchanged. */
class ContractCopiesTest {

    @ParameterizedTest
    @ValueSource(strings = { "dashboard.schema.json", "common.schema.json" })
    void theCopyEqualsTheContract(String file) throws IOException {
        assertThat(Files.readString(Path.of("src/main/resources/contracts", file)))
                .isEqualTo(Files.readString(Contracts.directory().resolve(file)));
    }
}
