package io.dativo.core.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagPlannerTest {
  private static final ResourceRef BUCKET =
      new ResourceRef("s3_bucket", "b", Optional.empty(), "test");

  @Test
  void addsAndChangesButNeverRemoves() {
    ResourceTagPlan plan =
        TagPlanner.plan(
            BUCKET,
            Map.of("team", "platform", "CostCenter", "OLD"),
            Map.of("CostCenter", "NEW", "TenantId", "acme", "LastModified", "t1"));

    assertThat(plan.action()).isEqualTo(ResourceTagPlan.Action.UPDATE);
    assertThat(plan.added()).isEqualTo(Map.of("TenantId", "acme", "LastModified", "t1"));
    assertThat(plan.changed()).isEqualTo(Map.of("CostCenter", List.of("OLD", "NEW")));
    assertThat(plan.writes()).doesNotContainKey("team");
  }

  @Test
  void onlyANewTimestampIsNoChange() {
    ResourceTagPlan plan =
        TagPlanner.plan(
            BUCKET,
            Map.of("TenantId", "acme", "LastModified", "t1"),
            Map.of("TenantId", "acme", "LastModified", "t2"));

    assertThat(plan.action()).isEqualTo(ResourceTagPlan.Action.UNCHANGED);
    assertThat(plan.writes()).isEmpty();
  }

  @Test
  void theTimestampMovesWithARealChange() {
    ResourceTagPlan plan =
        TagPlanner.plan(
            BUCKET,
            Map.of("TenantId", "acme", "Owner", "a", "LastModified", "t1"),
            Map.of("TenantId", "acme", "Owner", "b", "LastModified", "t2"));

    assertThat(plan.changed())
        .containsEntry("LastModified", List.of("t1", "t2"))
        .containsEntry("Owner", List.of("a", "b"));
  }
}
