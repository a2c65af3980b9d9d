package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli comes from dativo-picocli, compiled for Java 17: the published jar's Java 5 classes are
 * left out of the launcher's class archive and AOT cache (version 50 or later only), so every
 * command would load and verify them again.
 */
class PicocliBytecodeTest {
  @Test
  void picocliIsJava17Bytecode() throws IOException {
    for (Class<?> type :
        new Class<?>[] {
          CommandLine.class, CommandLine.Model.CommandSpec.class, CommandLine.Help.class
        }) {
      assertThat(majorVersion(type)).as(type.getName()).isEqualTo(61);
    }
  }

  private static int majorVersion(Class<?> type) throws IOException {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource);
        DataInputStream data = new DataInputStream(in)) {
      assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
      data.readUnsignedShort(); // minor
      return data.readUnsignedShort();
    }
  }
}
