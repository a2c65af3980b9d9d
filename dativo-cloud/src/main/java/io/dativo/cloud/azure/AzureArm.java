package io.dativo.cloud.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.ResourceManagementClient;
import io.dativo.core.cloud.ValidationResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * A connection to Azure Resource Manager through the Azure SDK: the JDK HTTP client, bounded
 * retries ({@link ArmRetry}), a count of the calls made (each retry included), and the bearer token
 * from {@code AZURE_ACCESS_TOKEN}. No HTTP logging policy is installed, so headers (and the token)
 * are never logged; failure messages are scrubbed of the token as well.
 */
final class AzureArm {
  static final String TOKEN_VARIABLE = "AZURE_ACCESS_TOKEN";

  /**
   * ARM needs a subscription for subscription-level calls only; Dativo makes none (it reads and
   * tags resources by id), so a job without {@code subscription_id} gets this placeholder.
   */
  private static final String NO_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  private final ResourceManagementClient client;
  private final AtomicLong calls;
  private final Optional<String> token;

  private AzureArm(ResourceManagementClient client, AtomicLong calls, Optional<String> token) {
    this.client = client;
    this.calls = calls;
    this.token = token;
  }

  /**
   * Connects as the environment says: {@code AZURE_ACCESS_TOKEN} and {@code
   * AZURE_RESOURCE_MANAGER_ENDPOINT}, read from {@code env} only.
   *
   * @throws AzureSetupException without a token (unless the endpoint is a loopback stand-in)
   */
  static AzureArm connect(
      Map<String, String> env, Optional<String> subscriptionId, ArmRetry retry) {
    ArmEndpoint endpoint = ArmEndpoint.fromEnv(env);
    Optional<String> token =
        Optional.ofNullable(env.get(TOKEN_VARIABLE))
            .map(t -> t.trim().replaceFirst("^(?i)bearer\\s+", ""))
            .filter(t -> !t.isEmpty());
    AtomicLong calls = new AtomicLong();
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    policies.add(new UserAgentPolicy("dativo"));
    policies.add(new RequestIdPolicy());
    policies.add(retry.policy());
    policies.add(new CountingPolicy(calls));
    if (!endpoint.plainLoopback()) {
      String bearer =
          token.orElseThrow(
              () ->
                  new AzureSetupException(
                      "Cannot reach Azure Resource Manager at "
                          + endpoint.uri()
                          + ": "
                          + TOKEN_VARIABLE
                          + " is not set",
                      "sign in with the Azure CLI and export a token: export "
                          + TOKEN_VARIABLE
                          + "=$(az account get-access-token --resource "
                          + endpoint.uri()
                          + " --query accessToken -o tsv)"));
      // After the retry policy (the SDK's usual order), so that every attempt is authorised.
      policies.add(
          new BearerTokenAuthenticationPolicy(new StaticTokenCredential(bearer), endpoint.scope()));
    }

    HttpPipeline pipeline =
        new HttpPipelineBuilder()
            .httpClient(new JdkHttpClientBuilder().build())
            .policies(policies.toArray(HttpPipelinePolicy[]::new))
            .build();
    AzureEnvironment environment =
        new AzureEnvironment(Map.of("resourceManagerEndpointUrl", endpoint.uri().toString()));
    ResourceManagementClient client =
        ResourceManager.authenticate(
                pipeline,
                new AzureProfile(null, subscriptionId.orElse(NO_SUBSCRIPTION), environment))
            .withSubscription(subscriptionId.orElse(NO_SUBSCRIPTION))
            .serviceClient();
    return new AzureArm(client, calls, token);
  }

  ResourceManagementClient client() {
    return client;
  }

  /** HTTP requests sent so far, retries included. */
  long apiCalls() {
    return calls.get();
  }

  /** A failed call as a validation status: 404 missing, 401/403 forbidden, else a mismatch. */
  static Status statusOf(RuntimeException e) {
    if (e instanceof HttpResponseException http && http.getResponse() != null) {
      return switch (http.getResponse().getStatusCode()) {
        case 401, 403 -> Status.FORBIDDEN;
        case 404 -> Status.MISSING;
        default -> Status.MISMATCH;
      };
    }

    return Status.MISMATCH;
  }

  /** A failed call in one line: the HTTP status and ARM's error code and message. */
  String describe(RuntimeException e) {
    String message;
    if (e instanceof ManagementException arm && arm.getResponse() != null) {
      ManagementError error = arm.getValue();
      message =
          "HTTP "
              + arm.getResponse().getStatusCode()
              + (error == null || error.getCode() == null
                  ? ""
                  : " " + error.getCode() + ": " + error.getMessage());
    } else if (e instanceof HttpResponseException http && http.getResponse() != null) {
      message = "HTTP " + http.getResponse().getStatusCode() + ": " + http.getMessage();
    } else {
      Throwable root = e.getCause() != null ? e.getCause() : e;
      message =
          root.getMessage() == null
              ? root.getClass().getSimpleName()
              : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    return token.map(t -> message.replace(t, "***")).orElse(message);
  }

  /** Counts every request that reaches the wire (it sits after the retry policy). */
  private static final class CountingPolicy implements HttpPipelinePolicy {
    private final AtomicLong calls;

    CountingPolicy(AtomicLong calls) {
      this.calls = calls;
    }

    @Override
    public Mono<HttpResponse> process(
        HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      calls.incrementAndGet();
      return next.process();
    }

    @Override
    public HttpResponse processSync(
        HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      calls.incrementAndGet();
      return next.processSync();
    }
  }
}
