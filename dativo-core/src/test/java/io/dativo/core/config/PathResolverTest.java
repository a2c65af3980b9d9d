package io.dativo.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathResolverTest {
  @TempDir Path root;

  @Test
  void resolvesAgainstTheNamingFileFirst() {
    Path job = TestFiles.write(root, "jobs/acme/job.yaml", "x: 1");
    Path near = TestFiles.write(root, "jobs/acme/assets/a.yaml", "x: 1");
    TestFiles.write(root, "assets/a.yaml", "x: 1");

    assertThat(PathResolver.resolve(job, "assets/a.yaml").path()).isEqualTo(near);
  }

  @Test
  void fallsBackToTheProjectRootStyleOfTheSeeds() {
    Path job = TestFiles.write(root, "jobs/acme/job.yaml", "x: 1");
    Path rooted = TestFiles.write(root, "assets/stripe/v1.0/customers.yaml", "x: 1");

    PathResolver.Resolved resolved = PathResolver.resolve(job, "assets/stripe/v1.0/customers.yaml");

    assertThat(resolved.path()).isEqualTo(rooted);
    assertThat(resolved.exists()).isTrue();
  }

  @Test
  void reportsTheFileRelativePathWhenNothingExists() {
    Path job = TestFiles.write(root, "jobs/acme/job.yaml", "x: 1");

    PathResolver.Resolved resolved = PathResolver.resolve(job, "nope.yaml");

    assertThat(resolved.exists()).isFalse();
    assertThat(resolved.path()).isEqualTo(root.resolve("jobs/acme/nope.yaml"));
  }
}
