package io.dativo.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {
  @Test
  void loopbackIsDecidedByNameOnly() {
    assertThat(ServiceEndpoints.isLoopback("http://127.0.0.1:4443")).isTrue();
    assertThat(ServiceEndpoints.isLoopback("127.0.0.1:9000")).isTrue();
    assertThat(ServiceEndpoints.isLoopback("http://localhost:8080/storage")).isTrue();
    assertThat(ServiceEndpoints.isLoopback("http://[::1]:8080")).isTrue();
    assertThat(ServiceEndpoints.isLoopback("http://127.example.com")).isFalse();
    assertThat(ServiceEndpoints.isLoopback("https://storage-proxy.example.invalid")).isFalse();
  }

  @Test
  void plainHttpIsRefusedOffTheMachine() {
    assertThat(ServiceEndpoints.requireSafe("https://gcs-proxy.corp", "X"))
        .isEqualTo("https://gcs-proxy.corp");
    assertThat(ServiceEndpoints.requireSafe("http://127.0.0.1:1", "X"))
        .isEqualTo("http://127.0.0.1:1");
    assertThatThrownBy(
            () ->
                ServiceEndpoints.requireSafe(
                    "http://gcs-proxy.corp:8080", "GOOGLE_STORAGE_CUSTOM_ENDPOINT"))
        .isInstanceOf(ServiceEndpoints.EndpointNotSafe.class)
        .hasMessage("GOOGLE_STORAGE_CUSTOM_ENDPOINT must use https: http://gcs-proxy.corp:8080");
  }
}
