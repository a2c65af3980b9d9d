package io.dativo.cli;

import io.dativo.core.config.JobLoader;
import io.dativo.core.config.LoadedJob;
import io.dativo.core.terraform.OutputResolver;
import io.dativo.core.terraform.RemoteStateReader;
import io.dativo.core.terraform.TerraformCli;
import io.dativo.core.terraform.TerraformOutputsTransform;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Loads a job the way every command does: with its Terraform outputs written in. */
record JobLoading(LoadedJob loaded, TerraformOutputsTransform outputs) {

  static JobLoading load(
      CliContext context,
      JobOptions options,
      JobLoader.AssetRequirement asset,
      TerraformOutputsTransform.Requirement outputs) {
    OutputResolver resolver =
        new OutputResolver(context.env(), TerraformCli.find(context.env()), remoteReaders());
    TerraformOutputsTransform transform =
        new TerraformOutputsTransform(
            resolver, Optional.ofNullable(options.state).map(context::resolve), outputs);
    LoadedJob loaded =
        new JobLoader(context.env(), transform).load(context.resolve(options.config), asset);
    return new JobLoading(loaded, transform);
  }

  /** Remote state readers of the cloud module (S3, GCS, Azure Blob), found on the classpath. */
  static List<RemoteStateReader> remoteReaders() {
    return ServiceLoader.load(RemoteStateReader.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }
}
