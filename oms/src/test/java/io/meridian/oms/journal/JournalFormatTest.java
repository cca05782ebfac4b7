package io.meridian.oms.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalFormatTest
{
    @TempDir
    Path dir;

    @Test
    void aNewJournalWritesItsFormatAndReopens()
    {
        new Journal(dir, 4096).close();
        final ByteBuffer format = ByteBuffer.wrap(read(dir.resolve(JournalFormat.FILE_NAME))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(format.getLong(0)).isEqualTo(JournalFormat.MAGIC);
        assertThat(format.getInt(8)).isEqualTo(JournalFormat.SCHEMA_ID);
        assertThat(format.getInt(12)).isEqualTo(JournalFormat.VERSION);
        new Journal(dir, 4096).close();
    }

    @Test
    void aJournalOfABuildBeforeVersioningIsRefusedWithWhatToDo() throws Exception
    {
        Files.write(dir.resolve("00000000000000000000.journal"), new byte[4096]);
        assertThatThrownBy(() -> new Journal(dir, 4096))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("before journal format version 2")
            .hasMessageContaining("move " + dir + " aside");
    }

    @Test
    void aForeignDescriptorIsRefused() throws Exception
    {
        Files.write(dir.resolve(JournalFormat.FILE_NAME), "not a meridian journal at all, no".getBytes());
        assertThatThrownBy(() -> new Journal(dir, 4096))
            .hasMessageContaining("not a Meridian journal descriptor");
    }

    @Test
    void anotherVersionIsRefused() throws Exception
    {
        new Journal(dir, 4096).close();
        final byte[] bytes = read(dir.resolve(JournalFormat.FILE_NAME));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(12, JournalFormat.VERSION + 1);
        Files.write(dir.resolve(JournalFormat.FILE_NAME), bytes);
        assertThatThrownBy(() -> new Journal(dir, 4096))
            .hasMessageContaining("version " + (JournalFormat.VERSION + 1))
            .hasMessageContaining("this build reads");
    }

    @Test
    void segmentsArePreallocatedBeforeMapping() throws Exception
    {
        new Journal(dir, 64 * 1024).close();
        final Path segment = dir.resolve("00000000000000000000.journal");
        assertThat(Files.size(segment)).isEqualTo(64 * 1024);
        // real blocks, not a sparse hole: a full disk fails when the segment is made, not with SIGBUS later
        final Process stat = new ProcessBuilder("stat", "-c", "%b %B", segment.toString()).start();
        final String[] blocks = new String(stat.getInputStream().readAllBytes()).trim().split(" ");
        assertThat(stat.waitFor()).isZero();
        assertThat(Long.parseLong(blocks[0]) * Long.parseLong(blocks[1])).isGreaterThanOrEqualTo(64L * 1024);
    }

    private static byte[] read(final Path file)
    {
        try
        {
            return Files.readAllBytes(file);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
