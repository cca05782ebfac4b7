package io.meridian.simulators.fix;

import io.meridian.fix.dialect.DialectDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The venue's FIX dictionary: the configured base (Meridian's trimmed FIX 4.4 by default) with
 * the reconciliation messages (AF, AN, AO, AP and the ExecutionReport's mass-status fields) merged
 * in from {@value #OVERLAY}, written to a temporary file for QuickFIX/J and deleted on close.
 */
final class VenueDictionary implements AutoCloseable {
    static final String OVERLAY = "io/meridian/simulators/fix/venue-reconciliation-fix44.xml";

    private final Path file;

    private VenueDictionary(Path file) {
        this.file = file;
    }

    /** Merges the overlay onto {@code baseLocation} (a classpath resource, else a file, as QuickFIX/J resolves it). */
    static VenueDictionary write(String baseLocation) {
        try (InputStream base = open(baseLocation); InputStream overlay = open(OVERLAY)) {
            String merged = DialectDictionary.merge(base, overlay).toQuickFixXml();
            Path file = Files.createTempFile("venue-fix44-", ".xml");
            file.toFile().deleteOnExit();
            Files.writeString(file, merged, StandardCharsets.UTF_8);
            return new VenueDictionary(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the venue dictionary from " + baseLocation, e);
        }
    }

    String location() {
        return file.toString();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static InputStream open(String location) throws IOException {
        InputStream resource = VenueDictionary.class.getClassLoader().getResourceAsStream(location);
        return resource != null ? resource : Files.newInputStream(Path.of(location));
    }
}
