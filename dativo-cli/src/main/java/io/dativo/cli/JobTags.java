package io.dativo.cli;

import io.dativo.core.config.LoadedJob;
import io.dativo.core.config.PolicyConfig;
import io.dativo.core.policy.PolicyChecker;
import io.dativo.core.policy.PolicyReport;
import io.dativo.core.tags.TagDeriver;
import io.dativo.core.tags.TagInputs;
import io.dativo.core.tags.TagSet;
import java.util.Optional;

/** A loaded job with its tag set and policy report: what several commands compute first. */
record JobTags(LoadedJob loaded, TagInputs inputs, TagSet tags, PolicyReport policy) {

  static JobTags of(CliContext context, LoadedJob loaded, JobOptions options) {
    TagInputs inputs = TagInputs.of(loaded.job(), loaded.asset(), context.now());
    TagSet tags = TagDeriver.derive(inputs);
    return new JobTags(
        loaded, inputs, tags, PolicyChecker.check(tags, policy(context, loaded, options)));
  }

  /** The job's policy and the shared one together; the default policy when there is neither. */
  private static PolicyConfig policy(CliContext context, LoadedJob loaded, JobOptions options) {
    Optional<PolicyConfig> shared =
        Optional.ofNullable(options.policy).map(context::resolve).map(PolicyConfig::load);
    Optional<PolicyConfig> own = loaded.job().policy();
    if (own.isPresent() && shared.isPresent()) {
      return own.get().and(shared.get());
    }

    return own.or(() -> shared).orElse(PolicyConfig.DEFAULT);
  }
}
