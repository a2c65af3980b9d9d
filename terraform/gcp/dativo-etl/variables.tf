# -----------------------------------------------------------------------------
# Identity, project, region and labels: always written by `dativo infra tfvars`
# -----------------------------------------------------------------------------

variable "tenant_id" {
  description = "Dativo tenant identifier (e.g. acme): lowercase letters, digits, '-' and '_'. Part of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]{0,62}$", var.tenant_id))
    error_message = "The tenant_id must match ^[a-z0-9][a-z0-9_-]{0,62}$ (lowercase letters, digits, '-' and '_')."
  }
}

variable "environment" {
  description = "Deployment environment (e.g. dev, staging, prod): letters, digits, '-' and '_'. Part of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+$", var.environment))
    error_message = "The environment may contain only letters, digits, '-' and '_'."
  }
}

variable "project_id" {
  description = "GCP project to deploy into (the job's infrastructure.provider.project_id). Null uses the provider's default project (GOOGLE_PROJECT / gcloud configuration)."
  type        = string
  default     = null
}

variable "region" {
  description = "GCP region (the job's infrastructure.provider.region); also the default location of the bucket and the BigQuery dataset."
  type        = string
  default     = "us-central1"
}

variable "tags" {
  description = "Dativo's tag set rendered as GCP labels (what `dativo infra tags --for gcp` prints: lowercase keys and values, at most 63 characters)."
  type        = map(string)
  default     = {}
}

variable "labels" {
  description = "The same label map as tags (Dativo writes both on GCP). Applied as merge(tags, labels) through the provider's default_labels and on each resource."
  type        = map(string)
  default     = {}
}

# -----------------------------------------------------------------------------
# Storage
# -----------------------------------------------------------------------------

variable "gcs_bucket_name" {
  description = "Name of the data lake bucket (seed 002 module variable). Takes precedence over bucket_name. Default: {tenant_id}-dativo-data-lake-{environment}."
  type        = string
  default     = null
}

variable "bucket_name" {
  description = "Data lake bucket name from the job's runtime.storage.bucket (a gs:// prefix is stripped). Used when gcs_bucket_name is not set. Default: {tenant_id}-dativo-data-lake-{environment}."
  type        = string
  default     = null
}

variable "bucket_location" {
  description = "Location of the bucket (a region such as us-central1, or a multi-region such as US). Default: region."
  type        = string
  default     = null
}

variable "storage_class" {
  description = "Default storage class of the bucket."
  type        = string
  default     = "STANDARD"
}

variable "enable_versioning" {
  description = "Enable object versioning on the data lake bucket."
  type        = bool
  default     = true
}

variable "noncurrent_version_retention_days" {
  description = "Days after which noncurrent object versions are deleted. Null keeps them forever."
  type        = number
  default     = null
}

variable "kms_key_name" {
  description = "Cloud KMS key (projects/.../cryptoKeys/...) for default CMEK encryption of the bucket. The project's Cloud Storage service agent is granted use of the key. Null uses Google-managed encryption."
  type        = string
  default     = null
}

variable "force_destroy" {
  description = "Allow `terraform destroy` to delete the bucket and the BigQuery dataset even when they still contain data."
  type        = bool
  default     = false
}

# -----------------------------------------------------------------------------
# Service account
# -----------------------------------------------------------------------------

variable "service_account" {
  description = "Email of an existing service account to grant access to (the job's runtime.service_account). Null creates {tenant_id}-dativo-etl-{environment}."
  type        = string
  default     = null
}

variable "service_account_id" {
  description = "Account ID (the part before @) of the service account created when service_account is null. Default: {tenant_id}-dativo-etl-{environment}, truncated to 30 characters."
  type        = string
  default     = null
}

# -----------------------------------------------------------------------------
# BigQuery dataset
# -----------------------------------------------------------------------------

variable "enable_bigquery_dataset" {
  description = "Create a BigQuery dataset for Iceberg metadata and grant the service account roles/bigquery.dataEditor on it."
  type        = bool
  default     = true
}

variable "bigquery_dataset_id" {
  description = "ID of the BigQuery dataset. Default: {tenant_id}_iceberg_{environment}."
  type        = string
  default     = null
}

variable "bigquery_location" {
  description = "Location of the BigQuery dataset. Default: region."
  type        = string
  default     = null
}

# -----------------------------------------------------------------------------
# Runtime values written by `dativo infra tfvars` when the job has an
# infrastructure.runtime block. This module creates storage, a service account
# and a dataset only, so apart from bucket_name and service_account they are
# accepted (so the generated dativo.auto.tfvars always matches a declared
# variable) but not used.
# -----------------------------------------------------------------------------

variable "platform" {
  description = "Runtime platform from the job's runtime.platform (e.g. gke, cloud_run, dataproc). Accepted, not used by this module."
  type        = string
  default     = null
}

variable "cluster_id" {
  description = "Existing cluster identifier from the job's runtime.compute.cluster_id. Accepted, not used by this module."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "Machine type from the job's runtime.compute.instance_type. Accepted, not used by this module."
  type        = string
  default     = null
}

variable "instance_count" {
  description = "Instance count from the job's runtime.compute.instance_count. Accepted, not used by this module."
  type        = number
  default     = null
}

variable "auto_scaling_enabled" {
  description = "Auto-scaling switch from the job's runtime.compute.auto_scaling.enabled. Accepted, not used by this module."
  type        = bool
  default     = false
}

variable "min_instances" {
  description = "Auto-scaling minimum from the job's runtime.compute.auto_scaling.min_instances. Accepted, not used by this module."
  type        = number
  default     = null
}

variable "max_instances" {
  description = "Auto-scaling maximum from the job's runtime.compute.auto_scaling.max_instances. Accepted, not used by this module."
  type        = number
  default     = null
}

variable "vpc_id" {
  description = "VPC network from the job's runtime.network.vpc_id. Accepted, not used by this module."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnetworks from the job's runtime.network.subnet_ids. Accepted, not used by this module."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups / network tags from the job's runtime.network.security_group_ids. Accepted, not used by this module."
  type        = list(string)
  default     = []
}
