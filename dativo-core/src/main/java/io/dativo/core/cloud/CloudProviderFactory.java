package io.dativo.core.cloud;

import io.dativo.core.config.infra.Infrastructure;
import java.util.Map;

/**
 * Creates a cloud's provider from the job's infrastructure and the environment (credentials,
 * endpoints).
 */
public interface CloudProviderFactory {

  /** {@code aws}, {@code gcp} or {@code azure}. */
  String id();

  CloudProvider create(Infrastructure infrastructure, Map<String, String> env);
}
