package org.wayfarer.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The size of an embedded H2 database's file ({@code <name>.mv.db}), for bytes per operation; 0 before it exists. */
public record DatabaseFile(Path file) {

    public static DatabaseFile of(Path dataDir, String name) {
        return new DatabaseFile(dataDir.resolve(name + ".mv.db"));
    }

    public long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
