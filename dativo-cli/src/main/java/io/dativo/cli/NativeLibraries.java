package io.dativo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Native libraries bundled in the CLI's jar (SQLite for the embedded catalog, Snappy for Avro
 * manifests), extracted once per build into the user's cache instead of once per run: each library
 * otherwise copies itself to a new temporary file on every start, then compares the copy with the
 * jar byte by byte, which cost a quick run about a tenth of its time (docs/performance.md). The
 * libraries are then told where their file is through their own system properties. Nothing here can
 * fail a command: without a usable cache the libraries load as they always did.
 */
final class NativeLibraries {
  /**
   * A library: its file name in the cache, where it is in the jar (asked only to extract it: the
   * libraries' platform probes take tens of milliseconds), the properties it reads, and the
   * property naming the directory it cleans of its old copies ("" when it cleans none).
   */
  record Library(
      String fileName,
      Supplier<String> resource,
      String pathProperty,
      String nameProperty,
      String tempDirProperty) {}

  private NativeLibraries() {}

  /** The bundled libraries, each in its platform's folder of the jar as the library names it. */
  static List<Library> bundled() {
    return List.of(
        // SQLite lists its temporary directory (the system's, unless told) on every start to
        // delete copies older runs left: with a crowded /tmp that took milliseconds of each run.
        library(
            "sqlitejdbc",
            () ->
                "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS(),
            "org.sqlite.lib",
            "org.sqlite.tmpdir"),
        library(
            "snappyjava",
            () ->
                "/org/xerial/snappy/native/"
                    + org.xerial.snappy.OSInfo.getNativeLibFolderPathForCurrentOS(),
            "org.xerial.snappy.lib",
            ""));
  }

  /** A library in {@code folder} of the jar, told its place by {@code <properties>.path/.name}. */
  private static Library library(
      String name, Supplier<String> folder, String properties, String tempDirProperty) {
    String file = System.mapLibraryName(name);
    return new Library(
        file,
        () -> folder.get() + "/" + file,
        properties + ".path",
        properties + ".name",
        tempDirProperty);
  }

  /**
   * Points the libraries at files in {@code cacheRoot} (extracting them on the first run of this
   * jar) by setting their system properties, unless the user set them. Returns the properties set.
   */
  static Map<String, String> useCache(Path cacheRoot) {
    Map<String, String> properties = new LinkedHashMap<>();
    try {
      Path jar = jar();
      if (jar == null) {
        return properties; // classes from a directory (tests, an IDE): nothing to key the cache on
      }

      List<Library> libraries =
          bundled().stream().filter(l -> System.getProperty(l.pathProperty()) == null).toList();
      if (libraries.isEmpty()) {
        return properties;
      }

      Path directory = extracted(cacheRoot, jar, libraries);
      if (directory == null) {
        return properties;
      }

      properties.putAll(properties(directory, libraries, System::getProperty));
    } catch (IOException | RuntimeException e) {
      return Map.of(); // an unwritable cache: the libraries extract themselves as before
    }

    properties.forEach(System::setProperty);
    return properties;
  }

  /**
   * The properties that point {@code libraries} at their files in {@code directory} (those it
   * holds), and the ones that clean a temporary directory at this one, which holds no old copies:
   * unless {@code set} already has a value for them.
   */
  static Map<String, String> properties(
      Path directory, List<Library> libraries, java.util.function.UnaryOperator<String> set) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (Library library : libraries) {
      if (set.apply(library.pathProperty()) == null
          && Files.isRegularFile(directory.resolve(library.fileName()))) {
        properties.put(library.pathProperty(), directory.toString());
        properties.put(library.nameProperty(), library.fileName());
        if (!library.tempDirProperty().isEmpty() && set.apply(library.tempDirProperty()) == null) {
          properties.put(library.tempDirProperty(), directory.toString());
        }
      }
    }

    return properties;
  }

  /** The user's cache directory: {@code $XDG_CACHE_HOME/dativo}, else {@code ~/.cache/dativo}. */
  static Path cacheRoot(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "dativo");
    }

    return Path.of(System.getProperty("user.home"), ".cache", "dativo");
  }

  /**
   * The directory holding this jar's libraries, made if missing: one per jar (its size and time
   * name it, so a rebuild gets fresh copies); written under a temporary name and renamed, so a
   * directory that exists is complete, and two runs starting at once do not see half a file.
   */
  static Path extracted(Path cacheRoot, Path jar, List<Library> libraries) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
    String key =
        Long.toHexString(attributes.size())
            + "-"
            + Long.toHexString(attributes.lastModifiedTime().toMillis());
    Path nativeDirectory = cacheRoot.resolve("native");
    Path directory = nativeDirectory.resolve(key);
    if (Files.isDirectory(directory)) {
      markUsed(directory);
      return directory;
    }

    Files.createDirectories(nativeDirectory);
    Path partial = Files.createTempDirectory(nativeDirectory, ".partial-");
    try {
      for (Library library : libraries) {
        String resource;
        try {
          resource = library.resource().get();
        } catch (RuntimeException | LinkageError e) {
          continue; // a platform the library does not know: it finds (or fails to find) its file
        }

        try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
          if (in != null) {
            Files.copy(in, partial.resolve(library.fileName()));
          }
        }
      }

      try {
        Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // another run got there first (or the file system cannot rename atomically)
      } catch (IOException e) {
        if (!Files.isDirectory(directory)) {
          throw e;
        }
      }
    } finally {
      deleteTree(partial);
    }

    removeOthers(nativeDirectory, directory);
    return Files.isDirectory(directory) ? directory : null;
  }

  /**
   * Copies of other builds not used for a week are removed (a copy in use is marked at most hourly,
   * so two checkouts sharing a cache keep theirs).
   */
  private static void removeOthers(Path nativeDirectory, Path keep) {
    Instant unused = Instant.now().minus(Duration.ofDays(7));
    try (Stream<Path> entries = Files.list(nativeDirectory)) {
      for (Path entry : entries.toList()) {
        if (!entry.equals(keep) && Files.getLastModifiedTime(entry).toInstant().isBefore(unused)) {
          deleteTree(entry);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // old copies are only disk space
    }
  }

  private static void markUsed(Path directory) {
    try {
      Instant now = Instant.now();
      if (Files.getLastModifiedTime(directory)
          .toInstant()
          .isBefore(now.minus(Duration.ofHours(1)))) {
        Files.setLastModifiedTime(directory, FileTime.from(now));
      }
    } catch (IOException e) {
      // a read-only cache is still usable
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }

    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // left behind: only disk space
    }
  }

  /** The jar this class was loaded from, or null when it is not a jar. */
  private static Path jar() {
    try {
      var source = NativeLibraries.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }

      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) ? path : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
