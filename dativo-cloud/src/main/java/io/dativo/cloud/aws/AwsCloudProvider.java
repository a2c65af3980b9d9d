package io.dativo.cloud.aws;

import io.dativo.core.cloud.CloudProvider;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ResourceTagPlan;
import io.dativo.core.cloud.TagPlanner;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import io.dativo.core.config.infra.Infrastructure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * AWS behind the {@link CloudProvider} SPI: validates a job's resources with the caller's
 * credentials and tags them without ever removing a tag others set. S3's PutBucketTagging replaces
 * a bucket's whole tag set, so it is always sent the merged set; IAM, Glue, EMR, EC2 and RDS add or
 * update only the keys that change.
 *
 * <p>Writes go first through the Resource Groups Tagging API: resources that need the same keys
 * written are tagged 20 ARNs per TagResources call (which adds or updates keys, never removes one).
 * A resource the API does not tag (a service it does not support, or a stand-in that lacks it) is
 * written through its own service instead, and that service is not batched again in the run. Reads
 * stay per resource: GetResources leaves out resources that were never tagged.
 */
public final class AwsCloudProvider implements CloudProvider, io.dativo.core.cloud.CountsApiCalls {
  /** Concurrent API calls while planning and applying tags. */
  static final int CONCURRENCY = 8;

  static final Set<String> USABLE_EMR_STATES =
      Set.of("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING");

  /** RDS instance states in which the database serves (others: creating, stopped, failed...). */
  static final Set<String> USABLE_RDS_STATES =
      Set.of(
          "available",
          "backing-up",
          "modifying",
          "storage-optimization",
          "configuring-enhanced-monitoring",
          "maintenance",
          "upgrading");

  /** TagResources takes at most 20 ARNs per call. */
  static final int TAGGING_BATCH = 20;

  /** Resource types the Tagging API did not tag in this run: written per service from then on. */
  private final Set<String> notBatched = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final AwsClients clients;
  private String callerAccount;

  public AwsCloudProvider(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public String id() {
    return "aws";
  }

  // ---- validate

  @Override
  public List<ValidationResult> validate(
      Infrastructure infrastructure, List<ResourceRef> resources, String tenantId) {
    clients.requireCredentials();
    List<ValidationResult> results = new ArrayList<>();
    ResourceRef account =
        new ResourceRef(
            "account",
            infrastructure.accountId().orElse("(caller)"),
            infrastructure.region(),
            "infrastructure.provider.account_id");
    try {
      String caller = callerAccount();
      results.add(
          infrastructure.accountId().filter(a -> !a.equals(caller)).isPresent()
              ? new ValidationResult(
                  account,
                  Status.MISMATCH,
                  "the credentials belong to account "
                      + caller
                      + ", the job names "
                      + infrastructure.accountId().get())
              : new ValidationResult(account, Status.OK, "caller account " + caller));
    } catch (SdkException e) {
      results.add(
          new ValidationResult(account, statusOf(e), "STS GetCallerIdentity: " + message(e)));
    }

    for (ResourceRef resource : resources) {
      results.add(validate(resource, tenantId));
    }

    return results;
  }

  private ValidationResult validate(ResourceRef resource, String tenantId) {
    try {
      Optional<String> tenantProblem = tenantMismatch(resource, tenantId);
      if (tenantProblem.isPresent()) {
        return new ValidationResult(resource, Status.MISMATCH, tenantProblem.get());
      }

      return switch (resource.type()) {
        case "s3_bucket" -> validateBucket(resource);
        case "iam_role" -> validateRole(resource);
        case "glue_catalog" -> {
          clients.glue().getDatabase(r -> r.name(AwsResourceNames.database(resource.id())));
          yield new ValidationResult(resource, Status.OK, "Glue database exists");
        }
        case "emr_cluster" -> validateCluster(resource);
        case "rds_instance" -> validateDatabase(resource);
        case "vpc" ->
            ec2Exists(
                resource, clients.ec2().describeVpcs(r -> r.vpcIds(resource.id())).vpcs().size());
        case "subnet" ->
            ec2Exists(
                resource,
                clients.ec2().describeSubnets(r -> r.subnetIds(resource.id())).subnets().size());
        case "security_group" ->
            ec2Exists(
                resource,
                clients
                    .ec2()
                    .describeSecurityGroups(r -> r.groupIds(resource.id()))
                    .securityGroups()
                    .size());
        default ->
            new ValidationResult(
                resource, Status.MISMATCH, "not an AWS resource type Dativo validates");
      };
    } catch (SdkException e) {
      return new ValidationResult(resource, statusOf(e), message(e));
    }
  }

  private ValidationResult validateBucket(ResourceRef resource) {
    String bucket = AwsResourceNames.bucket(resource.id());
    clients.s3().headBucket(r -> r.bucket(bucket));
    String location =
        clients.s3().getBucketLocation(r -> r.bucket(bucket)).locationConstraintAsString();
    String region =
        location == null || location.isEmpty()
            ? "us-east-1"
            : location.equals("EU") ? "eu-west-1" : location;
    if (resource.region().filter(r -> !r.equals(region)).isPresent()) {
      return new ValidationResult(
          resource,
          Status.MISMATCH,
          "bucket is in " + region + ", the job says " + resource.region().get());
    }

    return new ValidationResult(resource, Status.OK, "bucket reachable in " + region);
  }

  private ValidationResult validateRole(ResourceRef resource) {
    var role = clients.iam().getRole(r -> r.roleName(AwsResourceNames.role(resource.id()))).role();
    Optional<String> account = AwsResourceNames.account(role.arn());
    if (account.isPresent() && !account.get().equals(callerAccount())) {
      return new ValidationResult(
          resource,
          Status.MISMATCH,
          "role is in account " + account.get() + ", the caller is " + callerAccount());
    }

    return new ValidationResult(resource, Status.OK, "role exists: " + role.arn());
  }

  private ValidationResult validateCluster(ResourceRef resource) {
    var cluster =
        clients
            .emr()
            .describeCluster(r -> r.clusterId(AwsResourceNames.cluster(resource.id())))
            .cluster();
    String state = cluster.status().stateAsString();
    return USABLE_EMR_STATES.contains(state)
        ? new ValidationResult(resource, Status.OK, "cluster " + state)
        : new ValidationResult(resource, Status.MISMATCH, "cluster is " + state + ", not usable");
  }

  private ValidationResult validateDatabase(ResourceRef resource) {
    Optional<String> elsewhere = otherRegion(resource);
    if (elsewhere.isPresent()) {
      return new ValidationResult(resource, Status.MISMATCH, elsewhere.get());
    }

    var instance =
        clients
            .rds()
            .describeDBInstances(
                r -> r.dbInstanceIdentifier(AwsResourceNames.dbInstance(resource.id())))
            .dbInstances()
            .get(0);
    String state = instance.dbInstanceStatus();
    return USABLE_RDS_STATES.contains(state)
        ? new ValidationResult(resource, Status.OK, "database " + state)
        : new ValidationResult(resource, Status.MISMATCH, "database is " + state + ", not usable");
  }

  private static ValidationResult ec2Exists(ResourceRef resource, int found) {
    return found > 0
        ? new ValidationResult(resource, Status.OK, "exists")
        : new ValidationResult(resource, Status.MISSING, "not found");
  }

  /**
   * A name in Dativo's convention ({@code <tenant>-dativo-…}) that names another tenant is refused.
   */
  static Optional<String> tenantMismatch(ResourceRef resource, String tenantId) {
    String name =
        switch (resource.type()) {
          case "s3_bucket" -> AwsResourceNames.bucket(resource.id());
          case "iam_role" -> AwsResourceNames.role(resource.id());
          case "glue_catalog" -> AwsResourceNames.database(resource.id());
          default -> "";
        };
    String[] parts = name.split("[-_.]");
    if (parts.length > 1 && parts[1].equals("dativo") && !parts[0].equals(tenantId)) {
      return Optional.of(
          "'" + name + "' belongs to tenant '" + parts[0] + "', not '" + tenantId + "'");
    }

    return Optional.empty();
  }

  // ---- plan and apply

  @Override
  public List<ResourceTagPlan> plan(List<ResourceRef> resources, Map<String, String> tags) {
    clients.requireCredentials();
    return inParallel(
        resources,
        resource -> {
          try {
            return TagPlanner.plan(resource, currentTags(resource), tags);
          } catch (SdkException | UnsupportedOperationException e) {
            return new ResourceTagPlan(
                resource,
                ResourceTagPlan.Action.FAILED,
                Map.of(),
                Map.of(),
                Map.of(),
                Optional.of(message(e)));
          }
        });
  }

  @Override
  public List<ResourceTagPlan> apply(List<ResourceTagPlan> plan) {
    Set<ResourceTagPlan> batched = batched(plan);
    return inParallel(
        plan,
        resource -> {
          if (resource.action() != ResourceTagPlan.Action.UPDATE || batched.contains(resource)) {
            return resource;
          }

          try {
            write(resource);
            return resource;
          } catch (SdkException e) {
            return resource.failed(message(e));
          }
        });
  }

  /**
   * Tags what it can through the Tagging API: updates grouped by type and by the keys they write,
   * 20 ARNs a call. Returns the plans it wrote; the others are left to their own service.
   */
  private Set<ResourceTagPlan> batched(List<ResourceTagPlan> plan) {
    Map<List<Object>, List<ResourceTagPlan>> groups = new LinkedHashMap<>();
    for (ResourceTagPlan resource : plan) {
      if (resource.action() == ResourceTagPlan.Action.UPDATE
          && inClientRegion(resource.resource())) {
        groups
            .computeIfAbsent(
                List.of(resource.resource().type(), resource.writes()), k -> new ArrayList<>())
            .add(resource);
      }
    }

    List<List<ResourceTagPlan>> calls = new ArrayList<>();
    for (List<ResourceTagPlan> group : groups.values()) {
      if (group.size() < 2) {
        continue; // one resource: its own service's call is as cheap
      }

      for (int i = 0; i < group.size(); i += TAGGING_BATCH) {
        calls.add(group.subList(i, Math.min(group.size(), i + TAGGING_BATCH)));
      }
    }

    Set<ResourceTagPlan> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
    inParallel(
        calls,
        call -> {
          written.addAll(tagResources(call));
          return call;
        });
    return written;
  }

  /** One TagResources call; the plans whose resources it tagged. */
  private List<ResourceTagPlan> tagResources(List<ResourceTagPlan> call) {
    String type = call.get(0).resource().type();
    if (notBatched.contains(type)) {
      return List.of();
    }

    Map<String, ResourceTagPlan> byArn = new LinkedHashMap<>();
    try {
      for (ResourceTagPlan resource : call) {
        byArn.put(arn(resource.resource()), resource);
      }

      var failed =
          clients
              .tagging()
              .tagResources(r -> r.resourceARNList(byArn.keySet()).tags(call.get(0).writes()))
              .failedResourcesMap();
      if (!failed.isEmpty()) {
        notBatched.add(type);
      }

      return byArn.entrySet().stream()
          .filter(e -> !failed.containsKey(e.getKey()))
          .map(Map.Entry::getValue)
          .toList();
    } catch (SdkException | UnsupportedOperationException e) {
      // No permission for tag:TagResources, or no such API here: the services' own calls remain.
      notBatched.add(type);
      return List.of();
    }
  }

  private boolean inClientRegion(ResourceRef resource) {
    return resource.region().map(r -> r.equals(clients.region().id())).orElse(true)
        && otherRegion(resource).isEmpty();
  }

  /** Why a resource whose ARN names another region than the clients' cannot be reached. */
  private Optional<String> otherRegion(ResourceRef resource) {
    String[] arn = resource.id().split(":", 6);
    if (arn.length == 6
        && arn[0].equals("arn")
        && !arn[3].isEmpty()
        && !arn[3].equals(clients.region().id())) {
      return Optional.of(
          "the ARN names region "
              + arn[3]
              + ", the job's clients use "
              + clients.region().id()
              + " (set infrastructure.provider.region, or a job per region)");
    }

    return Optional.empty();
  }

  /** The resource's ARN, as the Tagging API names it. */
  private String arn(ResourceRef resource) {
    String region = resource.region().orElse(clients.region().id());
    return switch (resource.type()) {
      case "s3_bucket" -> "arn:aws:s3:::" + AwsResourceNames.bucket(resource.id());
      case "iam_role" ->
          resource.id().startsWith("arn:")
              ? resource.id()
              : "arn:aws:iam::" + callerAccount() + ":role/" + resource.id();
      case "glue_catalog" -> glueArn(resource);
      case "emr_cluster" ->
          "arn:aws:elasticmapreduce:"
              + region
              + ":"
              + callerAccount()
              + ":cluster/"
              + AwsResourceNames.cluster(resource.id());
      case "rds_instance" -> rdsArn(resource);
      case "vpc", "subnet", "security_group" ->
          "arn:aws:ec2:"
              + region
              + ":"
              + callerAccount()
              + ":"
              + (resource.type().equals("security_group") ? "security-group" : resource.type())
              + "/"
              + resource.id();
      default -> throw new UnsupportedOperationException(resource.type());
    };
  }

  private String rdsArn(ResourceRef resource) {
    return resource.id().startsWith("arn:")
        ? resource.id()
        : "arn:aws:rds:"
            + resource.region().orElse(clients.region().id())
            + ":"
            + callerAccount()
            + ":db:"
            + resource.id();
  }

  /**
   * Runs one call per resource on {@link #CONCURRENCY} threads, results in input order: API
   * latency, not CPU, bounds tagging, and throttling is absorbed by the retries.
   */
  private static <T, R> List<R> inParallel(List<T> items, java.util.function.Function<T, R> call) {
    if (items.size() <= 1) {
      return items.stream().map(call).toList();
    }

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(Math.min(CONCURRENCY, items.size()));
    try {
      List<java.util.concurrent.Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> call.apply(item)));
      }

      List<R> results = new ArrayList<>();
      for (java.util.concurrent.Future<R> future : futures) {
        results.add(future.get());
      }

      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while tagging", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, String> currentTags(ResourceRef resource) {
    Map<String, String> tags = new LinkedHashMap<>();
    switch (resource.type()) {
      case "s3_bucket" -> {
        try {
          clients
              .s3()
              .getBucketTagging(r -> r.bucket(AwsResourceNames.bucket(resource.id())))
              .tagSet()
              .forEach(t -> tags.put(t.key(), t.value()));
        } catch (S3Exception e) {
          if (!"NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
            throw e;
          }
        }
      }
      case "iam_role" ->
          clients
              .iam()
              .listRoleTags(r -> r.roleName(AwsResourceNames.role(resource.id())))
              .tags()
              .forEach(t -> tags.put(t.key(), t.value()));
      case "glue_catalog" ->
          tags.putAll(clients.glue().getTags(r -> r.resourceArn(glueArn(resource))).tags());
      case "emr_cluster" ->
          clients
              .emr()
              .describeCluster(r -> r.clusterId(AwsResourceNames.cluster(resource.id())))
              .cluster()
              .tags()
              .forEach(t -> tags.put(t.key(), t.value()));
      case "rds_instance" -> {
        Optional<String> elsewhere = otherRegion(resource);
        if (elsewhere.isPresent()) {
          throw new UnsupportedOperationException(elsewhere.get());
        }

        clients
            .rds()
            .listTagsForResource(r -> r.resourceName(rdsArn(resource)))
            .tagList()
            .forEach(t -> tags.put(t.key(), t.value()));
      }
      case "vpc", "subnet", "security_group" ->
          clients
              .ec2()
              .describeTags(
                  r ->
                      r.filters(Filter.builder().name("resource-id").values(resource.id()).build()))
              .tags()
              .forEach(t -> tags.put(t.key(), t.value()));
      default ->
          throw new UnsupportedOperationException(
              "Dativo does not tag " + resource.type() + " resources on AWS");
    }

    return tags;
  }

  private void write(ResourceTagPlan plan) {
    ResourceRef resource = plan.resource();
    Map<String, String> writes = plan.writes();
    switch (resource.type()) {
      case "s3_bucket" -> {
        // PutBucketTagging replaces the whole set: send everything, ours merged over the current
        // tags.
        Map<String, String> merged = new LinkedHashMap<>(plan.current());
        merged.putAll(writes);
        List<Tag> tagSet =
            merged.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        clients
            .s3()
            .putBucketTagging(
                r ->
                    r.bucket(AwsResourceNames.bucket(resource.id()))
                        .tagging(Tagging.builder().tagSet(tagSet).build()));
      }
      case "iam_role" ->
          clients
              .iam()
              .tagRole(
                  r ->
                      r.roleName(AwsResourceNames.role(resource.id()))
                          .tags(
                              writes.entrySet().stream()
                                  .map(
                                      e ->
                                          software.amazon.awssdk.services.iam.model.Tag.builder()
                                              .key(e.getKey())
                                              .value(e.getValue())
                                              .build())
                                  .toList()));
      case "glue_catalog" ->
          clients.glue().tagResource(r -> r.resourceArn(glueArn(resource)).tagsToAdd(writes));
      case "emr_cluster" ->
          clients
              .emr()
              .addTags(
                  r ->
                      r.resourceId(AwsResourceNames.cluster(resource.id()))
                          .tags(
                              writes.entrySet().stream()
                                  .map(
                                      e ->
                                          software.amazon.awssdk.services.emr.model.Tag.builder()
                                              .key(e.getKey())
                                              .value(e.getValue())
                                              .build())
                                  .toList()));
      case "vpc", "subnet", "security_group" ->
          clients
              .ec2()
              .createTags(
                  r ->
                      r.resources(resource.id())
                          .tags(
                              writes.entrySet().stream()
                                  .map(
                                      e ->
                                          software.amazon.awssdk.services.ec2.model.Tag.builder()
                                              .key(e.getKey())
                                              .value(e.getValue())
                                              .build())
                                  .toList()));
      case "rds_instance" ->
          clients
              .rds()
              .addTagsToResource(
                  r ->
                      r.resourceName(rdsArn(resource))
                          .tags(
                              writes.entrySet().stream()
                                  .map(
                                      e ->
                                          software.amazon.awssdk.services.rds.model.Tag.builder()
                                              .key(e.getKey())
                                              .value(e.getValue())
                                              .build())
                                  .toList()));
      default -> throw new UnsupportedOperationException(resource.type());
    }
  }

  private String glueArn(ResourceRef resource) {
    return AwsResourceNames.glueDatabaseArn(
        resource.id(), resource.region().orElse(clients.region().id()), callerAccount());
  }

  private synchronized String callerAccount() {
    if (callerAccount == null) {
      callerAccount = clients.sts().getCallerIdentity().account();
    }

    return callerAccount;
  }

  static Status statusOf(SdkException e) {
    if (e instanceof AwsServiceException service) {
      int status = service.statusCode();
      String code =
          service.awsErrorDetails() == null
              ? ""
              : String.valueOf(service.awsErrorDetails().errorCode());
      if (status == 403 || code.contains("AccessDenied") || code.contains("Unauthorized")) {
        return Status.FORBIDDEN;
      }

      if (status == 404
          || code.contains("NotFound")
          || code.contains("NoSuch")
          || code.contains("EntityNotFound")
          || code.startsWith("Invalid") && code.endsWith("NotFound")) {
        return Status.MISSING;
      }

      if (code.equals("InvalidVpcID.NotFound")
          || code.equals("InvalidSubnetID.NotFound")
          || code.equals("InvalidGroup.NotFound")
          || code.equals("InvalidRequestException")) {
        return Status.MISSING;
      }
    }

    return Status.MISMATCH;
  }

  static String message(Exception e) {
    if (e instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null) {
      return service.awsErrorDetails().errorCode()
          + ": "
          + service.awsErrorDetails().errorMessage();
    }

    return e.getMessage();
  }

  @Override
  public long apiCalls() {
    return clients.apiCalls();
  }

  @Override
  public void close() {
    clients.close();
  }
}
