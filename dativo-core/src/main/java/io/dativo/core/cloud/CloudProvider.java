package io.dativo.core.cloud;

import io.dativo.core.config.infra.Infrastructure;
import java.util.List;
import java.util.Map;

/**
 * One cloud behind one small interface: validate a job's resources, plan their tags (reads only),
 * apply a plan (writes only what it lists). Implementations live in dativo-cloud and are found
 * through {@link CloudProviderFactory} and {@link java.util.ServiceLoader}.
 */
public interface CloudProvider extends AutoCloseable {

  /** {@code aws}, {@code gcp} or {@code azure}. */
  String id();

  List<ValidationResult> validate(
      Infrastructure infrastructure, List<ResourceRef> resources, String tenantId);

  List<ResourceTagPlan> plan(List<ResourceRef> resources, Map<String, String> tags);

  List<ResourceTagPlan> apply(List<ResourceTagPlan> plan);

  @Override
  default void close() {}
}
