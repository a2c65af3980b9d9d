package io.dativo.cloud.gcp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ClientSettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.compute.v1.NetworksClient;
import com.google.cloud.compute.v1.NetworksSettings;
import com.google.cloud.compute.v1.SubnetworksClient;
import com.google.cloud.compute.v1.SubnetworksSettings;
import com.google.cloud.container.v1.ClusterManagerClient;
import com.google.cloud.container.v1.ClusterManagerSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.dativo.core.net.ServiceEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Google Cloud clients of one job, made when first used: Application Default Credentials and
 * the job's project. {@code GOOGLE_<SERVICE>_CUSTOM_ENDPOINT} ({@code STORAGE}, {@code CONTAINER},
 * {@code BIGQUERY}, {@code COMPUTE}) points a client elsewhere; an endpoint on loopback (a local
 * stand-in) is used without credentials. GKE and Compute go over their HTTP/JSON transport.
 */
final class GcpClients implements AutoCloseable {
  private final Map<String, String> env;
  private final Optional<String> projectId;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private Storage storage;
  private ClusterManagerClient clusters;
  private BigQuery bigQuery;
  private NetworksClient networks;
  private SubnetworksClient subnetworks;
  private com.google.api.services.iam.v1.Iam iam;

  GcpClients(Map<String, String> env, Optional<String> projectId) {
    this.env = Map.copyOf(env);
    this.projectId = projectId;
  }

  Optional<String> projectId() {
    return projectId;
  }

  /**
   * {@code GOOGLE_<SERVICE>_CUSTOM_ENDPOINT}, if set; plain HTTP only on loopback, where no
   * credentials are sent.
   */
  Optional<String> endpoint(String service) {
    String variable = "GOOGLE_" + service.toUpperCase(Locale.ROOT) + "_CUSTOM_ENDPOINT";
    return Optional.ofNullable(env.get(variable))
        .filter(e -> !e.isBlank())
        .map(e -> ServiceEndpoints.requireSafe(e, variable));
  }

  static boolean loopback(String endpoint) {
    return ServiceEndpoints.isLoopback(endpoint);
  }

  /**
   * Before a client is made for a service not pointed at a local stand-in: Application Default
   * Credentials must exist, or the command stops once, saying how to provide them.
   */
  private void requireCredentials(String service) {
    if (endpoint(service).filter(GcpClients::loopback).isPresent()) {
      return;
    }

    try {
      com.google.auth.oauth2.GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      String file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
      if (file != null) {
        throw new io.dativo.core.cloud.CloudCredentialsMissing(
            "GOOGLE_APPLICATION_CREDENTIALS=" + file + " could not be used: " + e.getMessage(),
            "point it at a service account key file, or unset it and run"
                + " 'gcloud auth application-default login'");
      }

      throw new io.dativo.core.cloud.CloudCredentialsMissing(
          "No Google Cloud credentials found (Application Default Credentials)",
          "run 'gcloud auth application-default login', or set GOOGLE_APPLICATION_CREDENTIALS to a"
              + " service account key file");
    }
  }

  /** A GAPIC client's settings pointed at the service's custom endpoint, if one is set. */
  private <B extends ClientSettings.Builder<?, B>> B pointed(B settings, String service) {
    endpoint(service)
        .ifPresent(
            e -> {
              settings.setEndpoint(e);
              if (loopback(e)) {
                settings.setCredentialsProvider(NoCredentialsProvider.create());
              }
            });
    return settings;
  }

  synchronized Storage storage() {
    if (storage == null) {
      requireCredentials("STORAGE");
      StorageOptions.Builder options = StorageOptions.newBuilder();
      projectId.ifPresent(options::setProjectId);
      Optional<String> endpoint = endpoint("STORAGE");
      endpoint.ifPresent(options::setHost);
      if (endpoint.filter(GcpClients::loopback).isPresent()) {
        options.setCredentials(NoCredentials.getInstance());
      }

      storage = options.build().getService();
      opened.add(storage);
    }

    return storage;
  }

  synchronized ClusterManagerClient clusters() {
    if (clusters == null) {
      requireCredentials("CONTAINER");
      try {
        clusters =
            ClusterManagerClient.create(
                pointed(ClusterManagerSettings.newHttpJsonBuilder(), "CONTAINER").build());
        opened.add(clusters);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    return clusters;
  }

  synchronized BigQuery bigQuery() {
    if (bigQuery == null) {
      requireCredentials("BIGQUERY");
      BigQueryOptions.Builder options = BigQueryOptions.newBuilder();
      projectId.ifPresent(options::setProjectId);
      Optional<String> endpoint = endpoint("BIGQUERY");
      endpoint.ifPresent(options::setHost);
      if (endpoint.filter(GcpClients::loopback).isPresent()) {
        options.setCredentials(NoCredentials.getInstance());
      }

      bigQuery = options.build().getService();
    }

    return bigQuery;
  }

  synchronized NetworksClient networks() {
    if (networks == null) {
      requireCredentials("COMPUTE");
      try {
        networks = NetworksClient.create(pointed(NetworksSettings.newBuilder(), "COMPUTE").build());
        opened.add(networks);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    return networks;
  }

  synchronized SubnetworksClient subnetworks() {
    if (subnetworks == null) {
      requireCredentials("COMPUTE");
      try {
        subnetworks =
            SubnetworksClient.create(pointed(SubnetworksSettings.newBuilder(), "COMPUTE").build());
        opened.add(subnetworks);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    return subnetworks;
  }

  /** The IAM API (service accounts); {@code GOOGLE_IAM_CUSTOM_ENDPOINT} points it elsewhere. */
  synchronized com.google.api.services.iam.v1.Iam iam() {
    if (iam == null) {
      requireCredentials("IAM");
      Optional<String> endpoint = endpoint("IAM");
      com.google.api.client.http.HttpRequestInitializer credentials;
      if (endpoint.filter(GcpClients::loopback).isPresent()) {
        credentials = request -> {};
      } else {
        try {
          credentials =
              new com.google.auth.http.HttpCredentialsAdapter(
                  com.google.auth.oauth2.GoogleCredentials.getApplicationDefault()
                      .createScoped("https://www.googleapis.com/auth/cloud-platform"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      iam =
          new com.google.api.services.iam.v1.Iam.Builder(
                  new com.google.api.client.http.javanet.NetHttpTransport(),
                  com.google.api.client.json.gson.GsonFactory.getDefaultInstance(),
                  credentials)
              .setRootUrl(
                  endpoint
                      .map(e -> e.replaceAll("/+$", "") + "/")
                      .orElse("https://iam.googleapis.com/"))
              .setApplicationName("dativo")
              .build();
    }

    return iam;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable client : opened) {
      try {
        client.close();
      } catch (Exception e) {
        // releasing HTTP connections
      }
    }
  }
}
