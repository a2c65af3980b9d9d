package io.dativo.cli;

/** How a command prints data: for people, or as one JSON document for programs. */
public enum OutputFormat {
  text,
  json
}
