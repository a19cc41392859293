package org.wayfarer.bench.probe;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What a forked measuring JVM (the engine-only run, the Flowable run) hands back to the bench: named numbers in a
 * properties file, written once at the end. A missing number reads as NaN. Not thread-safe.
 */
public final class ResultFile {

    private final Properties values = new Properties();

    public ResultFile put(String name, double value) {
        values.setProperty(name, String.format(Locale.ROOT, "%.6f", value));
        return this;
    }

    public ResultFile put(String name, String value) {
        values.setProperty(name, value);
        return this;
    }

    public double number(String name) {
        String value = values.getProperty(name);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    public String text(String name) {
        return values.getProperty(name, "");
    }

    public void write(Path path) {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            values.store(out, "bench result");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    public static ResultFile read(Path path) {
        ResultFile file = new ResultFile();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
        return file;
    }
}
