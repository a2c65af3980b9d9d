package io.dativo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-build cache of the bundled native libraries (SQLite, Snappy). */
class NativeLibrariesTest {
  @TempDir Path temp;

  @Test
  void extractsEachBundledLibraryOnceAsInTheJar() throws IOException {
    List<NativeLibraries.Library> libraries = NativeLibraries.bundled();
    assertThat(libraries)
        .extracting(NativeLibraries.Library::pathProperty)
        .containsExactly("org.sqlite.lib.path", "org.xerial.snappy.lib.path");
    Path jar = Files.writeString(temp.resolve("dativo.jar"), "a build");

    Path directory = NativeLibraries.extracted(temp.resolve("cache"), jar, libraries);

    assertThat(directory).isDirectory().hasParent(temp.resolve("cache").resolve("native"));
    for (NativeLibraries.Library library : libraries) {
      try (InputStream bundled =
          NativeLibraries.class.getResourceAsStream(library.resource().get())) {
        assertThat(bundled).as(library.resource().get()).isNotNull();
        assertThat(Files.readAllBytes(directory.resolve(library.fileName())))
            .isEqualTo(bundled.readAllBytes());
      }
    }

    // A second run of the same jar uses the copies as they are.
    Path library = directory.resolve(libraries.get(0).fileName());
    FileTime written = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    Files.setLastModifiedTime(library, written);
    assertThat(NativeLibraries.extracted(temp.resolve("cache"), jar, libraries))
        .isEqualTo(directory);
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
    try (var entries = Files.list(directory.getParent())) {
      assertThat(entries.toList()).containsExactly(directory); // no partial copies left
    }
  }

  @Test
  void aRebuildGetsFreshCopiesAndCopiesUnusedForAWeekGo() throws IOException {
    Path cache = temp.resolve("cache");
    Path jar = Files.writeString(temp.resolve("dativo.jar"), "first build");
    Path first = NativeLibraries.extracted(cache, jar, NativeLibraries.bundled());
    Path recent = Files.createDirectories(cache.resolve("native").resolve("another-checkout"));

    Files.setLastModifiedTime(first, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
    Files.writeString(jar, "second build, a different size");
    Path second = NativeLibraries.extracted(cache, jar, NativeLibraries.bundled());

    assertThat(second).isNotEqualTo(first).isDirectory();
    assertThat(first).doesNotExist();
    assertThat(recent).isDirectory(); // used within the week: kept
  }

  @Test
  void aCacheThatCannotBeWrittenLeavesTheLibrariesAsTheyWere() throws IOException {
    Path notADirectory = Files.writeString(temp.resolve("file"), "x");
    Path jar = Files.writeString(temp.resolve("dativo.jar"), "a build");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> NativeLibraries.extracted(notADirectory, jar, NativeLibraries.bundled()))
        .isInstanceOf(IOException.class);
    // From classes in a directory (as in this test) there is no jar to key a cache on.
    assertThat(NativeLibraries.useCache(temp.resolve("unused"))).isEmpty();
    assertThat(temp.resolve("unused")).doesNotExist();
  }

  @Test
  void theLibrariesAreToldTheirFilesAndSqliteCleansTheCacheInsteadOfTheSystemTemporaryDirectory()
      throws IOException {
    Path jar = Files.writeString(temp.resolve("dativo.jar"), "a build");
    Path directory =
        NativeLibraries.extracted(temp.resolve("cache"), jar, NativeLibraries.bundled());

    Map<String, String> properties =
        NativeLibraries.properties(directory, NativeLibraries.bundled(), name -> null);

    assertThat(properties)
        .containsEntry("org.sqlite.lib.path", directory.toString())
        .containsEntry("org.sqlite.lib.name", System.mapLibraryName("sqlitejdbc"))
        .containsEntry("org.sqlite.tmpdir", directory.toString())
        .containsEntry("org.xerial.snappy.lib.path", directory.toString())
        .hasSize(5);
    // What the user set stays theirs.
    assertThat(
            NativeLibraries.properties(
                directory,
                NativeLibraries.bundled(),
                name -> name.equals("org.sqlite.tmpdir") ? "/var/tmp/mine" : null))
        .doesNotContainKey("org.sqlite.tmpdir")
        .containsKey("org.sqlite.lib.path");
    assertThat(
            NativeLibraries.properties(
                directory,
                NativeLibraries.bundled(),
                name -> name.equals("org.sqlite.lib.path") ? "/opt/sqlite" : null))
        .doesNotContainKeys("org.sqlite.lib.path", "org.sqlite.lib.name", "org.sqlite.tmpdir")
        .containsKey("org.xerial.snappy.lib.path");
  }

  @Test
  void theCacheFollowsXdgCacheHome() {
    assertThat(NativeLibraries.cacheRoot(Map.of("XDG_CACHE_HOME", "/var/cache/me")))
        .isEqualTo(Path.of("/var/cache/me", "dativo"));
    assertThat(NativeLibraries.cacheRoot(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "dativo"));
  }
}
