package io.dativo.core.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Governance rules a job's tags must follow: tags that must be present, the values a tag may take,
 * and the classifications that require {@code EncryptionRequired=true}. By default a violation is a
 * warning; {@code enforce: true} makes it fail the command (exit code 3).
 */
public record PolicyConfig(
    boolean enforce,
    List<String> requiredTags,
    Map<String, List<String>> allowedValues,
    Set<String> requireEncryptionFor,
    String source) {

  /** Used when neither the job nor {@code --policy} gives one: the seeds' own examples. */
  public static final PolicyConfig DEFAULT =
      new PolicyConfig(
          false,
          List.of("TenantId", "Environment", "CostCenter", "Owner"),
          Map.of(),
          Set.of("PII", "Financial"),
          "default policy");

  public PolicyConfig {
    requiredTags = List.copyOf(requiredTags);
    allowedValues = Map.copyOf(allowedValues);
    requireEncryptionFor = Set.copyOf(requireEncryptionFor);
  }

  /** Reads a {@code policy} section of a job or a policy file. */
  public static PolicyConfig bind(Section policy, String source) {
    policy.rejectUnknownKeys(ConfigKeys.POLICY);
    Map<String, List<String>> allowed = new java.util.LinkedHashMap<>();
    policy
        .section("allowed_values")
        .ifPresent(
            section ->
                section
                    .map()
                    .entries()
                    .forEach(
                        (tag, entry) -> {
                          List<String> values =
                              Section.stringList(entry.value(), section.problems());
                          if (values.isEmpty()) {
                            section
                                .problems()
                                .error(
                                    entry.value(),
                                    "expected a list of allowed values",
                                    "for example Environment: [dev, staging, prod]");
                          }

                          allowed.put(tag, values);
                        }));
    return new PolicyConfig(
        policy.bool("enforce").orElse(false),
        policy.stringList("required_tags"),
        allowed,
        new java.util.HashSet<>(policy.stringList("require_encryption_for")),
        source);
  }

  /**
   * A policy file ({@code --policy FILE}): the policy keys at the top, or under {@code policy:}.
   */
  public static PolicyConfig load(java.nio.file.Path file) {
    Problems problems = new Problems();
    io.dativo.core.config.yaml.YamlNode root = io.dativo.core.config.yaml.YamlReader.read(file);
    java.util.Optional<PolicyConfig> policy =
        Section.of(root, problems)
            .map(
                top ->
                    top.map().keys().equals(Set.of("policy"))
                        ? top.section("policy").orElse(top)
                        : top)
            .map(section -> bind(section, file.getFileName().toString()));
    if (problems.hasErrors() || policy.isEmpty()) {
      throw new ConfigException(file, problems.errors());
    }

    return policy.get();
  }

  /** Both policies' rules; enforced if either is. */
  public PolicyConfig and(PolicyConfig other) {
    java.util.LinkedHashSet<String> required = new java.util.LinkedHashSet<>(requiredTags);
    required.addAll(other.requiredTags);
    Map<String, List<String>> allowed = new java.util.LinkedHashMap<>(allowedValues);
    allowed.putAll(other.allowedValues);
    Set<String> encryption = new java.util.HashSet<>(requireEncryptionFor);
    encryption.addAll(other.requireEncryptionFor);
    return new PolicyConfig(
        enforce || other.enforce,
        List.copyOf(required),
        allowed,
        encryption,
        source + " + " + other.source);
  }
}
