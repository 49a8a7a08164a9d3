package org.heatpumpsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Working folders of the processes test-support starts: removed when the process is closed. */
final class TempDirs {

    /** Set {@code -Dtestsupport.keep-dirs=true} to keep logs and data of closed processes for a post-mortem. */
    static final boolean KEEP = Boolean.getBoolean("testsupport.keep-dirs");

    private TempDirs() {
    }

    static void delete(Path dir) {
        if (KEEP || dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("test-support: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
