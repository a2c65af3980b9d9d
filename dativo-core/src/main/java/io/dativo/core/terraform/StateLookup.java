package io.dativo.core.terraform;

import java.util.List;
import java.util.Optional;

/** The outputs found for a job's Terraform configuration, or every place that was tried. */
public record StateLookup(
    Optional<TerraformOutputs> outputs, String workspace, List<String> tried) {

  public StateLookup {
    tried = List.copyOf(tried);
  }

  public boolean isFound() {
    return outputs.isPresent();
  }
}
