package io.dativo.cli;

import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.infra.Cloud;
import io.dativo.core.config.infra.Infrastructure;
import io.dativo.core.config.infra.TerraformSpec;
import io.dativo.core.tags.TagKeys;
import io.dativo.core.tags.TagSet;
import io.dativo.core.tags.rules.TagRenderers;
import io.dativo.core.terraform.TerraformVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The Terraform variables of a job, for {@code infra tfvars}, {@code plan} and {@code apply}. */
final class TerraformFiles {
  static final String HCL_FILE = "dativo.auto.tfvars";
  static final String JSON_FILE = "dativo.auto.tfvars.json";

  private TerraformFiles() {}

  /** The cloud to render tags for: {@code --for}, else the job's. */
  static Cloud cloud(LoadedJob loaded, String requested) {
    if (requested != null) {
      return Cloud.fromId(requested)
          .orElseThrow(
              () ->
                  new UsageError(
                      "Unknown --for '" + requested + "': expected aws, gcp or azure",
                      "for example --for aws"));
    }

    return loaded
        .job()
        .infrastructure()
        .flatMap(Infrastructure::cloud)
        .orElseThrow(
            () ->
                new UsageError(
                    "The job names no cloud: give --for aws, gcp or azure",
                    "or set infrastructure.provider.provider in the job"));
  }

  static Map<String, Object> variables(JobTags tags, Cloud cloud, boolean withTimestamps) {
    TagSet set =
        withTimestamps
            ? tags.tags()
            : tags.tags().without(TagKeys.LAST_MODIFIED, TagKeys.CREATED_AT);
    Map<String, String> rendered =
        TagRenderers.render(cloud.id(), tags.inputs(), set, tags.loaded().job().tagOverflow())
            .values();
    return TerraformVariables.of(tags.loaded().job(), cloud, rendered);
  }

  static Optional<Path> moduleDir(LoadedJob loaded) {
    return loaded
        .job()
        .infrastructure()
        .flatMap(Infrastructure::terraform)
        .flatMap(TerraformSpec::modulePath);
  }

  static void write(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }

      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
