package io.dativo.cli;

/**
 * How a command prints data: for people, or as one JSON document for programs; {@code hcl} is for
 * {@code infra tfvars}.
 */
public enum OutputFormat {
  text,
  json,
  hcl
}
