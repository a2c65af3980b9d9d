# Seed 002 "Required Outputs" for terraform/gcp/dativo-etl: gcs_bucket_name,
# service_account_email and bigquery_dataset_id (null when the dataset is
# disabled).

output "gcs_bucket_name" {
  description = "Name of the data lake bucket (map to target.connection.gcs.bucket)."
  value       = google_storage_bucket.data_lake.name
}

output "gcs_bucket_url" {
  description = "gs:// URL of the data lake bucket."
  value       = google_storage_bucket.data_lake.url
}

output "service_account_email" {
  description = "Email of the service account with access to the bucket (created, or the given service_account)."
  value       = local.service_account_email
}

output "bigquery_dataset_id" {
  description = "ID of the BigQuery dataset (map to target.catalog.bigquery_dataset); null when enable_bigquery_dataset is false."
  value       = one(google_bigquery_dataset.iceberg[*].dataset_id)
}

output "bigquery_dataset_ref" {
  description = "The dataset as project.dataset (the bigquery_dataset resource_id form); null when enable_bigquery_dataset is false."
  value       = var.enable_bigquery_dataset ? "${local.project_id}.${local.bigquery_dataset_id}" : null
}

output "project_id" {
  description = "Project the resources were created in."
  value       = local.project_id
}

output "labels" {
  description = "Labels applied to the resources (merge of tags and labels)."
  value       = local.labels
}
