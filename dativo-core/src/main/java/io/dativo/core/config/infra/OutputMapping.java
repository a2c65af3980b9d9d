package io.dativo.core.config.infra;

import io.dativo.core.config.yaml.Location;

/** A Terraform output and the dotted job path its value is written to. */
public record OutputMapping(String output, String targetPath, Location location) {}
