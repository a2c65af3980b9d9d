package io.dativo.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dativo.core.config.Secret;
import io.dativo.core.net.ServiceEndpoints;
import io.dativo.ingest.IngestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Nessie catalog makes of its settings before it talks to a server. */
class NessieCatalogsTest {
  @Test
  void aBareServerAddressGetsNessiesApiV2Path() {
    assertThat(NessieCatalogs.apiUri("http://nessie.internal:19120"))
        .isEqualTo("http://nessie.internal:19120/api/v2");
    assertThat(NessieCatalogs.apiUri("http://nessie.internal:19120/"))
        .isEqualTo("http://nessie.internal:19120/api/v2");
    assertThat(NessieCatalogs.apiUri("https://nessie.internal/api"))
        .isEqualTo("https://nessie.internal/api/v2");
  }

  @Test
  void anAddressThatNamesItsApiOrAProxyPathIsKept() {
    assertThat(NessieCatalogs.apiUri("http://nessie.internal:19120/api/v1"))
        .isEqualTo("http://nessie.internal:19120/api/v1");
    assertThat(NessieCatalogs.apiUri("https://gateway.internal/nessie/api/v2/"))
        .isEqualTo("https://gateway.internal/nessie/api/v2");
  }

  @Test
  void anAddressThatIsNotHttpIsAConfigError() {
    assertThatThrownBy(() -> NessieCatalogs.apiUri("nessie.internal:19120"))
        .isInstanceOfSatisfying(
            IngestException.class, e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.CONFIG))
        .hasMessageContaining("target.catalog.uri 'nessie.internal:19120'")
        .hasMessageContaining("http:// or https://");
  }

  @Test
  void aMissingUriIsNamedWithAnExample() {
    CatalogFactory.CatalogSpec spec =
        new CatalogFactory.CatalogSpec("nessie", Map.of("type", "nessie"), "/tmp/warehouse");

    assertThatThrownBy(() -> NessieCatalogs.open(spec, Map.of()))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("target.catalog.uri is missing");
  }

  @Test
  void aTokenIsNeverSentOverPlainHttpToAnotherMachine() {
    CatalogFactory.CatalogSpec spec =
        new CatalogFactory.CatalogSpec(
            "nessie",
            Map.of("uri", "http://nessie.internal:19120", "token", new Secret("s3cr3t-token")),
            "/tmp/warehouse");

    assertThatThrownBy(() -> NessieCatalogs.open(spec, Map.of()))
        .isInstanceOf(ServiceEndpoints.EndpointNotSafe.class)
        .hasMessageContaining("must use https")
        .hasMessageNotContaining("s3cr3t-token");
  }
}
