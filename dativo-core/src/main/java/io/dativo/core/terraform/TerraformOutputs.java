package io.dativo.core.terraform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outputs of one Terraform state, where they were read from, and for which workspace. */
public record TerraformOutputs(
    Map<String, OutputValue> outputs, String location, String workspace) {

  public TerraformOutputs {
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  public Optional<OutputValue> output(String name) {
    return Optional.ofNullable(outputs.get(name));
  }

  public List<String> names() {
    return outputs.keySet().stream().sorted().toList();
  }
}
