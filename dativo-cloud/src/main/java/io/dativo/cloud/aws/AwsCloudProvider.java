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
 * a bucket's whole tag set, so it is always sent the merged set; IAM, Glue, EMR and EC2 add or
 * update only the keys that change.
 */
public final class AwsCloudProvider implements CloudProvider, io.dativo.core.cloud.CountsApiCalls {
  /** Concurrent API calls while planning and applying tags. */
  static final int CONCURRENCY = 8;

  static final Set<String> USABLE_EMR_STATES =
      Set.of("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING");

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
    return inParallel(
        plan,
        resource -> {
          if (resource.action() != ResourceTagPlan.Action.UPDATE) {
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
