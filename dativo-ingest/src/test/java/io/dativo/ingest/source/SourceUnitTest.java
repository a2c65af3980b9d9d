package io.dativo.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceUnitTest {
  @Test
  void theIdentityIsTheFingerprintWithoutItsChecksumOfEitherKind() {
    assertThat(SourceUnit.identityOf("/d/a.csv:12:sha256=ab")).isEqualTo("/d/a.csv:12:");
    assertThat(SourceUnit.identityOf("/d/a.csv:12:crc32c+crc32=0011")).isEqualTo("/d/a.csv:12:");
    assertThat(SourceUnit.identityOf("postgres:public.orders")).isEqualTo("postgres:public.orders");
  }

  @Test
  void aCommittedChecksumOfAnotherKindIsComputedOnlyWhenItsIdentityMatches() {
    List<FileChecksum> computed = new ArrayList<>();
    SourceUnit unit =
        SourceUnit.pending(
            "a.csv",
            "/d/a.csv:12:",
            FileChecksum.CRC,
            kind -> {
              computed.add(kind);
              return kind == FileChecksum.CRC ? "0011" : "ab";
            },
            12);

    assertThat(unit.committedIn(Set.of("/d/b.csv:12:sha256=ab"))).isFalse();
    assertThat(computed).isEmpty();
    assertThat(unit.committedIn(Set.of("/d/a.csv:12:sha256=ab"))).isTrue();
    assertThat(computed).containsExactly(FileChecksum.SHA256);
    assertThat(unit.committedIn(Set.of("/d/a.csv:12:sha256=cd"))).isFalse();
    assertThat(unit.committedIn(Set.of("/d/a.csv:12:crc32c+crc32=0011"))).isTrue();
    assertThat(unit.fingerprint()).isEqualTo("/d/a.csv:12:crc32c+crc32=0011");
  }

  @Test
  void checksumOptionsNameTheirKinds() {
    assertThat(FileChecksum.fromOption("crc")).contains(FileChecksum.CRC);
    assertThat(FileChecksum.fromOption(" SHA-256 ")).contains(FileChecksum.SHA256);
    assertThat(FileChecksum.fromOption("sha256")).contains(FileChecksum.SHA256);
    assertThat(FileChecksum.fromOption("md5")).isEmpty();
    // The job loader checks the option against the same names.
    assertThat(java.util.Arrays.stream(FileChecksum.values()).map(FileChecksum::option))
        .containsExactlyElementsOf(io.dativo.core.config.ConfigKeys.CSV_CHECKSUMS);
  }
}
