package io.dativo.cloud.gcp;

import com.google.api.gax.rpc.FixedHeaderProvider;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import io.dativo.core.cloud.ResourceRef;
import io.dativo.core.cloud.ValidationResult;
import io.dativo.core.cloud.ValidationResult.Status;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * BigQuery datasets ({@code my-project.my_dataset} or {@code my-project:my_dataset}): belong to the
 * job's project, exist, and sit in the job's region (multi-regions US and EU accept any region).
 *
 * <p>Labels are written with datasets.patch conditionally on the dataset's etag, which BigQuery
 * takes as an {@code If-Match} header (412 when the dataset changed since it was read). The
 * google-cloud-bigquery client has no per-call option for it ({@code BigQuery.DatasetOption} offers
 * fields, access policy version, view and update mode only; the etag in a {@link DatasetInfo} is
 * output only), so each write goes through a copy of the job's client whose header provider adds
 * {@code If-Match: <etag>} to its requests. The patch body carries the labels only, so nothing else
 * about the dataset (access entries, expirations) is sent back.
 */
final class BigQueryDatasets implements GcpResourceType {
  private final GcpClients clients;

  BigQueryDatasets(GcpClients clients) {
    this.clients = clients;
  }

  @Override
  public String type() {
    return "bigquery_dataset";
  }

  @Override
  public ValidationResult validate(ResourceRef resource) {
    DatasetRef ref = DatasetRef.parse(resource.id());
    // Checked before calling BigQuery: another project's dataset would often answer 403, which
    // hides the actual problem.
    Optional<String> jobProject = clients.projectId();
    if (jobProject.isPresent() && !jobProject.get().equals(ref.project())) {
      return new ValidationResult(
          resource,
          Status.MISMATCH,
          "dataset of project " + ref.project() + ", the job's project is " + jobProject.get());
    }

    try {
      Dataset dataset = clients.bigQuery().getDataset(ref.id());
      if (dataset == null) {
        return new ValidationResult(resource, Status.MISSING, "dataset not found");
      }

      Optional<String> location =
          Optional.ofNullable(dataset.getLocation()).map(l -> l.toLowerCase(Locale.ROOT));
      if (resource.region().isPresent()
          && location.isPresent()
          && !location.get().equals(resource.region().get().toLowerCase(Locale.ROOT))
          && !location.get().equals("us")
          && !location.get().equals("eu")) {
        return new ValidationResult(
            resource,
            Status.MISMATCH,
            "dataset is in " + location.get() + ", the job says " + resource.region().get());
      }

      return new ValidationResult(
          resource, Status.OK, "dataset reachable" + location.map(l -> " in " + l).orElse(""));
    } catch (BigQueryException e) {
      return new ValidationResult(resource, GcpStatus.of(e.getCode()), e.getMessage());
    }
  }

  @Override
  public Labelled read(ResourceRef resource) {
    Dataset dataset = clients.bigQuery().getDataset(DatasetRef.parse(resource.id()).id());
    if (dataset == null) {
      throw new ResourceMissing("dataset not found");
    }

    if (dataset.getEtag() == null) {
      // Without an etag the write could not be made conditional, and would risk overwriting.
      throw new IllegalStateException("BigQuery returned the dataset without an etag");
    }

    Map<String, String> labels = new HashMap<>();
    if (dataset.getLabels() != null) {
      dataset
          .getLabels()
          .forEach(
              (k, v) -> {
                if (v != null) {
                  labels.put(k, v);
                }
              });
    }

    return new Labelled(labels, dataset.getEtag());
  }

  @Override
  public void write(ResourceRef resource, Labelled current, Map<String, String> labels) {
    BigQuery base = clients.bigQuery();
    BigQuery conditional =
        base.getOptions().toBuilder()
            .setHeaderProvider(FixedHeaderProvider.create("If-Match", current.version()))
            .build()
            .getService();
    try {
      conditional.update(
          DatasetInfo.newBuilder(DatasetRef.parse(resource.id()).id()).setLabels(labels).build());
    } catch (BigQueryException e) {
      switch (e.getCode()) {
        case 412 -> throw new LabelConflict("dataset changed since it was read: " + e.getMessage());
        case 404 -> throw new ResourceMissing("dataset not found");
        default -> throw e;
      }
    }
  }

  /** A dataset id split into its project and dataset name. */
  record DatasetRef(String project, String dataset) {
    /**
     * {@code my-project.my_dataset} or the legacy {@code my-project:my_dataset}. Split at the last
     * separator: dataset names hold neither, while domain-scoped project ids ({@code
     * example.com:my-project}) hold both.
     */
    static DatasetRef parse(String id) {
      String trimmed = id.trim();
      int at = Math.max(trimmed.lastIndexOf('.'), trimmed.lastIndexOf(':'));
      if (at <= 0 || at == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "malformed bigquery_dataset id '" + id + "': expected my-project.my_dataset");
      }

      return new DatasetRef(trimmed.substring(0, at), trimmed.substring(at + 1));
    }

    DatasetId id() {
      return DatasetId.of(project, dataset);
    }
  }
}
