# Dativo ETL reference module for GCP: a versioned GCS data lake bucket with
# uniform bucket-level access, a service account with access to that bucket
# only, and a BigQuery dataset for Iceberg metadata.

data "google_client_config" "current" {}

locals {
  # Seed 002 naming conventions, GCP flavour: '-' in bucket and service
  # account names, '_' in BigQuery dataset IDs.
  tenant_slug = replace(lower(var.tenant_id), "_", "-")
  env_slug    = replace(lower(var.environment), "_", "-")

  project_id = coalesce(var.project_id, data.google_client_config.current.project)

  labels = merge(var.tags, var.labels)

  default_bucket_name = "${local.tenant_slug}-dativo-data-lake-${local.env_slug}"
  runtime_bucket_name = var.bucket_name == null ? null : trimsuffix(trimprefix(var.bucket_name, "gs://"), "/")
  bucket_name         = coalesce(var.gcs_bucket_name, local.runtime_bucket_name, local.default_bucket_name)
  bucket_location     = upper(coalesce(var.bucket_location, var.region))

  # Service account IDs: 6-30 characters, lowercase letters, digits and '-',
  # starting with a letter and not ending with '-'.
  create_service_account = var.service_account == null
  service_account_id     = coalesce(var.service_account_id, replace(substr("${local.tenant_slug}-dativo-etl-${local.env_slug}", 0, 30), "/-+$/", ""))
  service_account_email  = local.create_service_account ? google_service_account.etl[0].email : var.service_account

  bigquery_dataset_id = coalesce(var.bigquery_dataset_id, "${replace(lower(var.tenant_id), "-", "_")}_iceberg_${replace(lower(var.environment), "-", "_")}")
}

# -----------------------------------------------------------------------------
# GCS data lake bucket
# -----------------------------------------------------------------------------

data "google_storage_project_service_account" "gcs" {
  count = var.kms_key_name == null ? 0 : 1

  project = local.project_id
}

resource "google_kms_crypto_key_iam_member" "gcs_agent" {
  count = var.kms_key_name == null ? 0 : 1

  crypto_key_id = var.kms_key_name
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "serviceAccount:${data.google_storage_project_service_account.gcs[0].email_address}"
}

resource "google_storage_bucket" "data_lake" {
  name          = local.bucket_name
  project       = local.project_id
  location      = local.bucket_location
  storage_class = var.storage_class
  force_destroy = var.force_destroy

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  labels = local.labels

  versioning {
    enabled = var.enable_versioning
  }

  lifecycle_rule {
    condition {
      age = 7
    }

    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  dynamic "lifecycle_rule" {
    for_each = var.noncurrent_version_retention_days == null ? [] : [var.noncurrent_version_retention_days]

    content {
      condition {
        days_since_noncurrent_time = lifecycle_rule.value
        with_state                 = "ARCHIVED"
      }

      action {
        type = "Delete"
      }
    }
  }

  dynamic "encryption" {
    for_each = var.kms_key_name == null ? [] : [var.kms_key_name]

    content {
      default_kms_key_name = encryption.value
    }
  }

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$", local.bucket_name))
      error_message = "The bucket name \"${local.bucket_name}\" is not a valid GCS bucket name (3-63 characters: lowercase letters, digits, '-', '_' and '.'). Set gcs_bucket_name to override it."
    }
  }

  depends_on = [google_kms_crypto_key_iam_member.gcs_agent]
}

# -----------------------------------------------------------------------------
# Service account with least-privilege access to the bucket
# -----------------------------------------------------------------------------

resource "google_service_account" "etl" {
  count = local.create_service_account ? 1 : 0

  project      = local.project_id
  account_id   = local.service_account_id
  display_name = substr("Dativo ETL (${var.tenant_id}, ${var.environment})", 0, 100)
  description  = "Dativo ETL jobs of tenant ${var.tenant_id} in ${var.environment}: objects of gs://${local.bucket_name} and the ${local.bigquery_dataset_id} dataset."

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", local.service_account_id))
      error_message = "The service account ID \"${local.service_account_id}\" is invalid (6-30 characters: lowercase letters, digits and '-', starting with a letter). Set service_account_id."
    }
  }
}

# Object access on this bucket only (no project-wide storage role).
resource "google_storage_bucket_iam_member" "etl_object_admin" {
  bucket = google_storage_bucket.data_lake.name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${local.service_account_email}"
}

# -----------------------------------------------------------------------------
# BigQuery dataset for Iceberg metadata
# -----------------------------------------------------------------------------

resource "google_bigquery_dataset" "iceberg" {
  count = var.enable_bigquery_dataset ? 1 : 0

  project                    = local.project_id
  dataset_id                 = local.bigquery_dataset_id
  friendly_name              = "Dativo Iceberg (${var.tenant_id}, ${var.environment})"
  description                = "Iceberg tables of Dativo tenant ${var.tenant_id} in ${var.environment}, data in gs://${local.bucket_name}."
  location                   = coalesce(var.bigquery_location, var.region)
  delete_contents_on_destroy = var.force_destroy

  labels = local.labels
}

resource "google_bigquery_dataset_iam_member" "etl_data_editor" {
  count = var.enable_bigquery_dataset ? 1 : 0

  project    = local.project_id
  dataset_id = google_bigquery_dataset.iceberg[0].dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${local.service_account_email}"
}
