package org.heatpumpsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The suite's message contracts in {@code docs/contracts/}: validate JSON against a contract's schema and read its
 * golden examples. Used by the services' tests; producers and consumers test against the same files.
 *
 * <p>A contract is named like its files: {@code readings}, {@code config}, {@code command-results}, {@code probe-request},
 * {@code dlq}, ... Topic names are accepted too ({@code heatpump.readings}, {@code heatpump.readings.dlq}).
 *
 * <p>Schemas use {@code $id}s under {@link #ID_BASE} and {@code $ref} each other by relative file name; those ids are
 * resolved to the files in {@code docs/contracts/}, never fetched over the network.
 */
public final class Contracts {

    /** Prefix of every contract schema's {@code $id}; {@code <ID_BASE><name>.schema.json} is the file in docs/contracts. */
    public static final String ID_BASE = "https://heatpump-suite.org/contracts/";

    /** Where the 2020-12 metaschema lives; the validator ships it, nothing is downloaded. */
    static final String METASCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final String SCHEMA_SUFFIX = ".schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile Path directory;
    private static volatile SchemaRegistry registry;
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Contracts() {
    }

    /**
     * Validates {@code json} against the contract's schema.
     *
     * @return violation messages {@code "<JSON pointer>: <message>"} (the pointer is empty for the document itself,
     *         e.g. {@code ": required property 'reason' not found"}, {@code "/connection/port: ..."}); empty if the
     *         JSON is valid. Text that is not JSON gives one violation.
     */
    public static List<String> validate(String contract, String json) {
        Schema schema = schema(normalise(contract));
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of(": not valid JSON: " + e.getOriginalMessage());
        }
        return messages(schema.validate(json, InputFormat.JSON));
    }

    /** Throws an {@link AssertionError} listing every violation if {@code json} does not satisfy the contract. */
    public static void assertValid(String contract, String json) {
        List<String> violations = validate(contract, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("JSON does not satisfy contract '" + normalise(contract) + "':\n  - "
                    + String.join("\n  - ", violations) + "\nJSON: " + json);
        }
    }

    /** The text of one golden example, {@code docs/contracts/examples/<contract>/<fileName>}. */
    public static String example(String contract, String fileName) {
        Path file = examplesDirectory(normalise(contract)).resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no example " + file + "; known: " + examples(contract).keySet());
        }
        return read(file);
    }

    /** Every golden example of the contract: file name to text, sorted by file name. */
    public static Map<String, String> examples(String contract) {
        String name = normalise(contract);
        if (!Files.isRegularFile(directory().resolve(name + SCHEMA_SUFFIX))) {
            throw new IllegalArgumentException("no contract '" + name + "'; known: " + names());
        }
        Path dir = examplesDirectory(name);
        Map<String, String> result = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .forEach(f -> result.put(f.getFileName().toString(), read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** Names of every schema in docs/contracts ({@code common} holds shared definitions only and has no examples). */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(SCHEMA_SUFFIX))
                    .map(n -> n.substring(0, n.length() - SCHEMA_SUFFIX.length()))
                    .sorted()
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /**
     * The {@code docs/contracts} folder, found by walking up from {@code user.dir} (tests run in module folders at
     * different depths). The system property {@code heatpump.contracts.dir} overrides the search.
     */
    public static Path directory() {
        Path dir = directory;
        if (dir == null) {
            synchronized (Contracts.class) {
                dir = directory;
                if (dir == null) {
                    dir = locate();
                    directory = dir;
                }
            }
        }
        return dir;
    }

    /** Violations of the contract's schema file against the JSON Schema 2020-12 metaschema; empty if it is a valid schema. */
    static List<String> metaschemaViolations(String contract) {
        return metaschemaViolationsOf(read(directory().resolve(normalise(contract) + SCHEMA_SUFFIX)));
    }

    /** Violations of a schema text against the JSON Schema 2020-12 metaschema. */
    static List<String> metaschemaViolationsOf(String schemaText) {
        Schema meta = registry().getSchema(SchemaLocation.of(METASCHEMA));
        return messages(meta.validate(schemaText, InputFormat.JSON));
    }

    /** Violations of {@code json} against a schema given as text (e.g. a catalogue's embedded device_config_schema). */
    static List<String> validateWithSchema(String schemaText, String json) {
        Schema schema = registry().getSchema(schemaText, InputFormat.JSON);
        return messages(schema.validate(json, InputFormat.JSON));
    }

    private static Path locate() {
        String override = System.getProperty("heatpump.contracts.dir");
        if (override != null && !override.isBlank()) {
            Path p = Paths.get(override).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new IllegalStateException("heatpump.contracts.dir=" + override + " is not a folder");
            }
            return p;
        }
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs").resolve("contracts");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/contracts folder in " + start + " or any parent folder");
    }

    private static SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            synchronized (Contracts.class) {
                r = registry;
                if (r == null) {
                    Path dir = directory();
                    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build();
                    r = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                            .schemaRegistryConfig(config)
                            // $id https://heatpump-suite.org/contracts/x.schema.json -> docs/contracts/x.schema.json;
                            // any other IRI (the metaschema) is left to the validator's bundled copies.
                            .schemas(iri -> load(dir, iri)));
                    registry = r;
                }
            }
        }
        return r;
    }

    private static String load(Path dir, String iri) {
        if (iri == null || !iri.startsWith(ID_BASE)) {
            return null;
        }
        String relative = iri.substring(ID_BASE.length());
        int fragment = relative.indexOf('#');
        if (fragment >= 0) {
            relative = relative.substring(0, fragment);
        }
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            return null;
        }
        return read(file);
    }

    private static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            Path file = directory().resolve(n + SCHEMA_SUFFIX);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no contract '" + n + "' (" + file + "); known: " + names());
            }
            Schema s = registry().getSchema(SchemaLocation.of(ID_BASE + n + SCHEMA_SUFFIX));
            s.initializeValidators();
            return s;
        });
    }

    private static Path examplesDirectory(String name) {
        return directory().resolve("examples").resolve(name);
    }

    /** Accepts {@code readings}, {@code heatpump.readings}, {@code heatpump.readings.dlq} or {@code readings.schema.json}. */
    static String normalise(String contract) {
        if (contract == null || contract.isBlank()) {
            throw new IllegalArgumentException("contract name is empty");
        }
        String n = contract.trim();
        if (n.endsWith(SCHEMA_SUFFIX)) {
            n = n.substring(0, n.length() - SCHEMA_SUFFIX.length());
        }
        if (n.endsWith(".dlq")) {
            return "dlq";
        }
        if (n.startsWith("heatpump.")) {
            n = n.substring("heatpump.".length());
        }
        return n;
    }

    private static List<String> messages(List<Error> errors) {
        List<String> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            out.add(e.toString());
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
