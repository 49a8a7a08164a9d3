package org.heatpumpsuite.polling.vendor.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads vendor data files (YAML, or JSON for installer overrides); unknown fields are errors, so typos do not pass silently. */
public final class DataFiles {

    /** Installer files larger than this are refused. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    private DataFiles() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return m;
    }

    /** Loads a data file shipped on the classpath, e.g. {@code vendor/idm/navigator_2_0.yaml}. */
    public static MakerFile classpath(String resource) {
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("data file " + resource + " is not on the classpath");
            }
            return YAML.readValue(in, MakerFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("data file " + resource + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Loads an installer's file (.yaml, .yml or .json, at most {@link #MAX_FILE_BYTES}). */
    public static MakerFile file(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        if (!json && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new IllegalArgumentException("register map " + path + ": only .yaml, .yml or .json files in the data-file format are accepted");
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("register map " + path + " does not exist or is not a file");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("register map " + path + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return (json ? JSON : YAML).readValue(in, MakerFile.class);
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("register map " + path + " is not in the data-file format: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("register map " + path + " could not be read", e);
        }
    }
}
