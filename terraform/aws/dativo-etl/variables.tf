# -----------------------------------------------------------------------------
# Identity, region and tags: always written by `dativo infra tfvars`
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

variable "region" {
  description = "AWS region to deploy into (the job's infrastructure.provider.region)."
  type        = string
  default     = "us-east-1"
}

variable "tags" {
  description = "Dativo's tag set rendered for AWS (what `dativo infra tags --for aws` prints). Applied to every resource through the provider's default_tags and merged into each resource's tags."
  type        = map(string)
  default     = {}
}

# -----------------------------------------------------------------------------
# Storage
# -----------------------------------------------------------------------------

variable "s3_bucket_name" {
  description = "Name of the data lake bucket (seed 002 module variable). Takes precedence over bucket_name. Default: {tenant_id}-dativo-data-lake-{environment}."
  type        = string
  default     = null
}

variable "bucket_name" {
  description = "Data lake bucket name from the job's runtime.storage.bucket (an s3:// prefix is stripped). Used when s3_bucket_name is not set. Default: {tenant_id}-dativo-data-lake-{environment}."
  type        = string
  default     = null
}

variable "sse_algorithm" {
  description = "Default server-side encryption of the bucket: \"aws:kms\" (SSE-KMS, with an S3 Bucket Key) or \"AES256\" (SSE-S3)."
  type        = string
  default     = "aws:kms"

  validation {
    condition     = contains(["aws:kms", "AES256"], var.sse_algorithm)
    error_message = "The sse_algorithm must be \"aws:kms\" or \"AES256\"."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key ARN for SSE-KMS. Null uses the AWS managed key aws/s3. Ignored with AES256. When set, the ETL role is allowed to use this key."
  type        = string
  default     = null
}

variable "enable_versioning" {
  description = "Enable S3 object versioning on the data lake bucket."
  type        = bool
  default     = true
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which noncurrent object versions are deleted. Null keeps them forever."
  type        = number
  default     = null
}

variable "force_destroy" {
  description = "Allow `terraform destroy` to delete the data lake bucket even when it still contains objects."
  type        = bool
  default     = false
}

# -----------------------------------------------------------------------------
# IAM
# -----------------------------------------------------------------------------

variable "iam_role_name" {
  description = "Name of the ETL IAM role. Default: {tenant_id}-dativo-etl-role-{environment}."
  type        = string
  default     = null
}

variable "trusted_services" {
  description = "AWS service principals allowed to assume the ETL role (ECS tasks and EMR Serverless by default)."
  type        = list(string)
  default     = ["ecs-tasks.amazonaws.com", "emr-serverless.amazonaws.com"]
}

variable "restrict_to_source_account" {
  description = "Add an aws:SourceAccount condition (this account) to the service trust statement (confused-deputy protection)."
  type        = bool
  default     = true
}

variable "trusted_role_arns" {
  description = "Additional IAM principal ARNs (e.g. a CI role or an EMR on EKS job role) allowed to assume the ETL role."
  type        = list(string)
  default     = []
}

variable "create_instance_profile" {
  description = "Also trust ec2.amazonaws.com and create an instance profile for the role, so it can serve as an EMR on EC2 instance profile."
  type        = bool
  default     = false
}

# -----------------------------------------------------------------------------
# Glue catalog
# -----------------------------------------------------------------------------

variable "enable_glue_catalog" {
  description = "Create a Glue catalog database for Iceberg tables and grant the role access to it."
  type        = bool
  default     = true
}

variable "glue_database_name" {
  description = "Name of the Glue database. Default: {tenant_id}_iceberg_{environment}."
  type        = string
  default     = null
}

# -----------------------------------------------------------------------------
# Runtime values written by `dativo infra tfvars` when the job has an
# infrastructure.runtime block. This module creates storage, IAM and the
# catalog only, so apart from bucket_name they are accepted (so the generated
# dativo.auto.tfvars always matches a declared variable) but not used.
# -----------------------------------------------------------------------------

variable "platform" {
  description = "Runtime platform from the job's runtime.platform (e.g. ecs, fargate, emr). Accepted, not used by this module."
  type        = string
  default     = null
}

variable "cluster_id" {
  description = "Existing cluster identifier from the job's runtime.compute.cluster_id. Accepted, not used by this module."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "Instance type from the job's runtime.compute.instance_type. Accepted, not used by this module."
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
  description = "VPC from the job's runtime.network.vpc_id. Accepted, not used by this module."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnets from the job's runtime.network.subnet_ids. Accepted, not used by this module."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups from the job's runtime.network.security_group_ids. Accepted, not used by this module."
  type        = list(string)
  default     = []
}

variable "service_account" {
  description = "Service account from the job's runtime.service_account (a GCP notion). Accepted, not used by this module."
  type        = string
  default     = null
}
