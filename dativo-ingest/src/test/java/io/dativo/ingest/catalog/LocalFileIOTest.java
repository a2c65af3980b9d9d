package io.dativo.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileIOTest {
  @TempDir Path dir;

  @Test
  void writesCountsReadsAndSeeksAsIcebergExpects() throws IOException {
    LocalFileIO io = new LocalFileIO();
    String location = dir.resolve("a/b/data.bin").toString(); // parents are created
    byte[] big = new byte[200_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }

    try (PositionOutputStream out = io.newOutputFile(location).create()) {
      out.write(7);
      out.write(big, 0, 10);
      assertThat(out.getPos()).isEqualTo(11);
      out.write(big); // larger than the buffer
      assertThat(out.getPos()).isEqualTo(11 + big.length);
    }

    assertThat(io.newInputFile(location).getLength()).isEqualTo(11 + big.length);
    // a file: URI names the same file (tables written through Hadoop have such locations)
    try (SeekableInputStream in = io.newInputFile("file://" + location).newStream()) {
      assertThat(in.read()).isEqualTo(7);
      in.seek(11 + 1000);
      assertThat(in.getPos()).isEqualTo(11 + 1000);
      byte[] read = new byte[3];
      assertThat(in.read(read, 0, 3)).isEqualTo(3);
      assertThat(read).containsExactly((byte) 1000, (byte) 1001, (byte) 1002);
    }

    assertThatThrownBy(() -> io.newOutputFile(location).create())
        .isInstanceOf(AlreadyExistsException.class);
    try (PositionOutputStream out = io.newOutputFile("file:" + location).createOrOverwrite()) {
      out.write(1);
    }

    assertThat(Files.size(Path.of(location))).isEqualTo(1);
    io.deleteFile(location);
    assertThat(io.newInputFile(location).exists()).isFalse();
    io.deleteFile(location); // gone already: not an error
    assertThatThrownBy(() -> io.newInputFile(location).getLength())
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> io.newInputFile(location).newStream())
        .isInstanceOf(NotFoundException.class);
  }
}
