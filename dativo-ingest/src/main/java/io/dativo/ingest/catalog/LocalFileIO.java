package io.dativo.ingest.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Iceberg's files in a local warehouse, through {@code java.nio}: what Hadoop's raw local file
 * system did for the {@code local}, {@code jdbc} and {@code nessie} catalogs, without starting
 * Hadoop (its static set-up parses Hadoop's XML defaults and looks up every file system and the
 * user's Kerberos settings: about a third of a second before a run's first file, measured in
 * docs/performance.md). Locations are paths or {@code file:} URIs, as tables written through Hadoop
 * have them. A file is created under its final name, as with Hadoop; Iceberg never writes one name
 * twice.
 */
public final class LocalFileIO implements FileIO {
  private static final int BUFFER = 64 * 1024;

  /** Iceberg makes FileIOs by reflection ({@code io-impl}). */
  public LocalFileIO() {}

  @Override
  public InputFile newInputFile(String location) {
    return new LocalInputFile(location, path(location));
  }

  @Override
  public OutputFile newOutputFile(String location) {
    return new LocalOutputFile(location, path(location));
  }

  /** Deletes the file; one that is not there is not an error (as with Hadoop). */
  @Override
  public void deleteFile(String location) {
    try {
      Files.deleteIfExists(path(location));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + location, e);
    }
  }

  static Path path(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
  }

  private record LocalInputFile(String location, Path path) implements InputFile {
    @Override
    public long getLength() {
      try {
        return Files.size(path);
      } catch (NoSuchFileException e) {
        throw new NotFoundException(e, "File does not exist: %s", location);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the size of " + location, e);
      }
    }

    @Override
    public SeekableInputStream newStream() {
      try {
        return new ChannelInputStream(FileChannel.open(path, StandardOpenOption.READ));
      } catch (NoSuchFileException e) {
        throw new NotFoundException(e, "File does not exist: %s", location);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot open " + location, e);
      }
    }

    @Override
    public boolean exists() {
      return Files.exists(path);
    }
  }

  private record LocalOutputFile(String location, Path path) implements OutputFile {
    @Override
    public PositionOutputStream create() {
      return open(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite() {
      return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private PositionOutputStream open(StandardOpenOption... options) {
      try {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }

        OutputStream out = Files.newOutputStream(path, withWrite(options));
        return new CountingOutputStream(out);
      } catch (FileAlreadyExistsException e) {
        throw new AlreadyExistsException(e, "File already exists: %s", location);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create " + location, e);
      }
    }

    private static StandardOpenOption[] withWrite(StandardOpenOption[] options) {
      StandardOpenOption[] all = java.util.Arrays.copyOf(options, options.length + 1);
      all[options.length] = StandardOpenOption.WRITE;
      return all;
    }

    @Override
    public InputFile toInputFile() {
      return new LocalInputFile(location, path);
    }
  }

  /** A buffered stream that knows how many bytes were written (Parquet and Avro ask). */
  private static final class CountingOutputStream extends PositionOutputStream {
    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int buffered;
    private long written;

    CountingOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return written + buffered;
    }

    @Override
    public void write(int b) throws IOException {
      if (buffered == buffer.length) {
        flushBuffer();
      }

      buffer[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length >= buffer.length) {
        flushBuffer();
        out.write(bytes, offset, length);
        written += length;
        return;
      }

      if (length > buffer.length - buffered) {
        flushBuffer();
      }

      System.arraycopy(bytes, offset, buffer, buffered, length);
      buffered += length;
    }

    private void flushBuffer() throws IOException {
      if (buffered > 0) {
        out.write(buffer, 0, buffered);
        written += buffered;
        buffered = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      flushBuffer();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      try {
        flushBuffer();
      } finally {
        out.close();
      }
    }
  }

  /** Reads a file through its channel, at any position. */
  private static final class ChannelInputStream extends SeekableInputStream {
    private final FileChannel channel;
    private final byte[] one = new byte[1];

    ChannelInputStream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public int read() throws IOException {
      int read = read(one, 0, 1);
      return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }

      return channel.read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public long skip(long n) throws IOException {
      long position = channel.position();
      long target = Math.min(channel.size(), position + Math.max(0, n));
      channel.position(target);
      return target - position;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
