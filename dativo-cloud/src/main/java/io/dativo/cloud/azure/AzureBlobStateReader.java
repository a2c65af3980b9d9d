package io.dativo.cloud.azure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.StorageSharedKeyCredential;
import io.dativo.core.config.infra.BackendSpec;
import io.dativo.core.terraform.BackendPaths;
import io.dativo.core.terraform.RemoteStateReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Terraform state from an {@code azurerm} backend with the Azure Storage Blob client: {@code
 * storage_account_name}, {@code container_name}, {@code key} ({@code <key>env:<workspace>}), with
 * the account key ({@code access_key} or {@code ARM_ACCESS_KEY}) or a SAS token ({@code sas_token}
 * or {@code ARM_SAS_TOKEN}). Entra ID sign-in is not supported for reading state yet: with neither,
 * Dativo says so and reads outputs through {@code terraform output} instead.
 */
public final class AzureBlobStateReader implements RemoteStateReader {

  @Override
  public String backendType() {
    return "azurerm";
  }

  @Override
  public String location(BackendSpec backend, String workspace) {
    return "azurerm://"
        + backend.setting("storage_account_name").orElse("?")
        + "/"
        + backend.setting("container_name").orElse("?")
        + "/"
        + BackendPaths.azureBlob(backend, workspace);
  }

  @Override
  public InputStream open(BackendSpec backend, String workspace, Map<String, String> env)
      throws IOException {
    String account = backend.setting("storage_account_name").orElseThrow();
    String endpoint =
        Optional.ofNullable(env.get("DATIVO_AZURE_BLOB_ENDPOINT"))
            .orElse("https://" + account + ".blob.core.windows.net");
    BlobServiceClientBuilder builder =
        new BlobServiceClientBuilder()
            .endpoint(endpoint)
            .httpClient(new JdkHttpClientBuilder().build());
    Optional<String> key =
        backend.setting("access_key").or(() -> Optional.ofNullable(env.get("ARM_ACCESS_KEY")));
    Optional<String> sas =
        backend.setting("sas_token").or(() -> Optional.ofNullable(env.get("ARM_SAS_TOKEN")));
    if (key.isPresent()) {
      builder.credential(new StorageSharedKeyCredential(account, key.get()));
    } else if (sas.isPresent()) {
      builder.sasToken(sas.get());
    } else {
      throw new IOException(
          "no access key or SAS token for storage account "
              + account
              + " (set ARM_ACCESS_KEY or ARM_SAS_TOKEN; Entra ID sign-in is not supported for reading state yet)");
    }

    BlobClient blob =
        builder
            .buildClient()
            .getBlobContainerClient(backend.setting("container_name").orElseThrow())
            .getBlobClient(BackendPaths.azureBlob(backend, workspace));
    try {
      return blob.openInputStream();
    } catch (BlobStorageException e) {
      if (e.getStatusCode() == 404) {
        throw new FileNotFoundException(location(backend, workspace));
      }

      throw new IOException(e.getMessage(), e);
    }
  }
}
