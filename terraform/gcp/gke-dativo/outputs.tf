output "gke_cluster_name" {
  description = "Name of the GKE cluster (e.g. for GKE_CLUSTER_NAME / runtime.compute.cluster_id)."
  value       = google_container_cluster.this.name
}

output "gke_cluster_id" {
  description = "ID of the GKE cluster (projects/{project}/locations/{location}/clusters/{name})."
  value       = google_container_cluster.this.id
}

output "gke_cluster_location" {
  description = "Location (region or zone) of the GKE cluster."
  value       = google_container_cluster.this.location
}

output "gke_endpoint" {
  description = "Control plane endpoint (IP address) of the cluster."
  value       = google_container_cluster.this.endpoint
  sensitive   = true
}

output "gke_ca_certificate" {
  description = "Base64-encoded CA certificate of the cluster's control plane."
  value       = google_container_cluster.this.master_auth[0].cluster_ca_certificate
  sensitive   = true
}

output "gcs_bucket_name" {
  description = "Name of the data lake bucket (map to target.connection.gcs.bucket)."
  value       = var.create_bucket ? google_storage_bucket.data_lake[0].name : local.bucket_name
}

output "gcs_bucket_url" {
  description = "gs:// URL of the data lake bucket."
  value       = "gs://${var.create_bucket ? google_storage_bucket.data_lake[0].name : local.bucket_name}"
}

output "service_account_email" {
  description = "Email of the GCP service account of the Dativo workloads (Workload Identity)."
  value       = local.workload_service_account_email
}

output "node_service_account_email" {
  description = "Email of the service account of the GKE nodes."
  value       = google_service_account.nodes.email
}

output "namespace" {
  description = "Kubernetes namespace of the Dativo workloads."
  value       = kubernetes_namespace_v1.dativo.metadata[0].name
}

output "kubernetes_service_account" {
  description = "Kubernetes service account of the Dativo workloads, bound to service_account_email through Workload Identity."
  value       = kubernetes_service_account_v1.dativo.metadata[0].name
}

output "workload_identity_pool" {
  description = "Workload Identity pool of the cluster."
  value       = local.workload_pool
}

output "kms_key_id" {
  description = "ID of the Cloud KMS key encrypting Kubernetes secrets (and node disks and the bucket when enabled)."
  value       = google_kms_crypto_key.gke.id
}

output "kms_key_ring_id" {
  description = "ID of the Cloud KMS key ring."
  value       = google_kms_key_ring.gke.id
}

output "labels" {
  description = "Labels applied to the resources (merge of tags and labels)."
  value       = local.labels
}
