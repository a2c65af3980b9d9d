package io.dativo.core.config.infra;

import static io.dativo.core.config.ConfigKeys.AUTO_SCALING;
import static io.dativo.core.config.ConfigKeys.COMPUTE;
import static io.dativo.core.config.ConfigKeys.NETWORK;
import static io.dativo.core.config.ConfigKeys.RUNTIME;
import static io.dativo.core.config.ConfigKeys.STORAGE;

import io.dativo.core.config.Section;
import io.dativo.core.config.yaml.YamlList;
import io.dativo.core.config.yaml.YamlNode;
import io.dativo.core.config.yaml.YamlScalar;
import java.util.List;
import java.util.Optional;

/** Binds {@code infrastructure.runtime} (seed 000): platform, compute, storage, network. */
final class RuntimeBinder {
  private RuntimeBinder() {}

  static RuntimeSpec bind(Section runtime) {
    runtime.rejectUnknownKeys(RUNTIME);
    return new RuntimeSpec(
        runtime.string("platform"),
        runtime.section("compute").map(RuntimeBinder::compute),
        runtime.section("storage").map(RuntimeBinder::storage),
        runtime.section("network").map(RuntimeBinder::network),
        runtime.string("service_account"));
  }

  static RuntimeSpec.Compute compute(Section compute) {
    compute.rejectUnknownKeys(COMPUTE);
    Optional<Long> count = compute.integer("instance_count");
    count
        .filter(c -> c < 1)
        .ifPresent(
            c ->
                compute
                    .problems()
                    .error(compute.node("instance_count").orElseThrow(), "must be at least 1"));
    return new RuntimeSpec.Compute(
        compute.string("cluster_id"),
        compute.string("instance_type"),
        count,
        compute.section("auto_scaling").map(RuntimeBinder::autoScaling));
  }

  static RuntimeSpec.AutoScaling autoScaling(Section scaling) {
    scaling.rejectUnknownKeys(AUTO_SCALING);
    Optional<Long> min = scaling.integer("min_instances");
    Optional<Long> max = scaling.integer("max_instances");
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      scaling
          .problems()
          .error(
              scaling.node("min_instances").orElseThrow(),
              "min_instances (" + min.get() + ") is greater than max_instances (" + max.get() + ")",
              null);
    }

    return new RuntimeSpec.AutoScaling(scaling.bool("enabled").orElse(false), min, max);
  }

  static RuntimeSpec.Storage storage(Section storage) {
    storage.rejectUnknownKeys(STORAGE);
    List<Object> volumes =
        storage.node("volumes").map(YamlNode::toPlain).map(RuntimeBinder::asList).orElse(List.of());
    return new RuntimeSpec.Storage(
        storage.string("bucket"), volumes, storage.stringList("mount_paths"));
  }

  static RuntimeSpec.Network network(Section network) {
    network.rejectUnknownKeys(NETWORK);
    checkIds(network, "subnet_ids", ResourceType.SUBNET);
    checkIds(network, "security_group_ids", ResourceType.SECURITY_GROUP);
    network
        .string("vpc_id")
        .filter(v -> v.startsWith("vpc") && ResourceType.VPC.nameIn(v).isEmpty())
        .ifPresent(
            v ->
                network
                    .problems()
                    .error(
                        network.node("vpc_id").orElseThrow(),
                        "malformed vpc id '" + v + "': expected " + ResourceType.VPC.expected()));
    return new RuntimeSpec.Network(
        network.string("vpc_id"),
        network.stringList("subnet_ids"),
        network.stringList("security_group_ids"));
  }

  /** AWS-style ids are checked; names of other clouds' subnetworks pass through. */
  private static void checkIds(Section network, String key, ResourceType type) {
    Optional<YamlNode> node = network.node(key);
    if (node.isEmpty() || !(node.get() instanceof YamlList list)) {
      return;
    }

    String prefix = type == ResourceType.SUBNET ? "subnet-" : "sg-";
    for (YamlNode item : list.items()) {
      if (item instanceof YamlScalar s
          && s.value().startsWith(prefix)
          && type.nameIn(s.value()).isEmpty()) {
        network
            .problems()
            .error(
                item,
                "malformed " + type.id() + " id '" + s.value() + "': expected " + type.expected());
      }
    }
  }

  private static List<Object> asList(Object plain) {
    return plain instanceof List<?> list ? List.copyOf(list) : List.of(plain);
  }
}
