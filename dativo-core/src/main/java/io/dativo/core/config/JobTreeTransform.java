package io.dativo.core.config;

import io.dativo.core.config.yaml.YamlNode;

/**
 * Rewrites a job's YAML tree after it has been bound once, before it is bound for good: how
 * Terraform outputs are written into the effective configuration without the config package knowing
 * Terraform.
 */
@FunctionalInterface
public interface JobTreeTransform {
  JobTreeTransform NONE = (tree, job, problems) -> tree;

  YamlNode transform(YamlNode tree, JobConfig job, Problems problems);
}
