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
# Runtime values: written by `dativo infra tfvars` from the job's
# infrastructure.runtime block (seed 000 "Usage")
# -----------------------------------------------------------------------------

variable "platform" {
  description = "Runtime platform from the job's runtime.platform (emr for this module). Informational: Dativo's tag set already carries it (Platform)."
  type        = string
  default     = "emr"
  nullable    = false
}

variable "cluster_id" {
  description = "Cluster ID from the job's runtime.compute.cluster_id (e.g. the EMR_CLUSTER_ID of an earlier apply). Informational: this module creates its own cluster and returns its ID as emr_cluster_id."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "EC2 instance type of the core (and, by default, primary and task) nodes (runtime.compute.instance_type)."
  type        = string
  default     = "m5.xlarge"
  nullable    = false
}

variable "instance_count" {
  description = "Number of core nodes at launch (runtime.compute.instance_count). With auto-scaling it must lie between min_instances and max_instances."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = var.instance_count >= 1 && floor(var.instance_count) == var.instance_count
    error_message = "The instance_count must be a whole number >= 1."
  }
}

variable "auto_scaling_enabled" {
  description = "Attach an EMR managed scaling policy bounded by min_instances and max_instances (runtime.compute.auto_scaling.enabled)."
  type        = bool
  default     = true
  nullable    = false
}

variable "min_instances" {
  description = "Managed scaling lower bound, in instances, over core and task nodes (runtime.compute.auto_scaling.min_instances)."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = var.min_instances >= 1 && floor(var.min_instances) == var.min_instances
    error_message = "The min_instances must be a whole number >= 1."
  }
}

variable "max_instances" {
  description = "Managed scaling upper bound, in instances, over core and task nodes (runtime.compute.auto_scaling.max_instances)."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.max_instances >= 1 && floor(var.max_instances) == var.max_instances
    error_message = "The max_instances must be a whole number >= 1."
  }
}

variable "bucket_name" {
  description = "Data lake bucket the cluster reads and writes (runtime.storage.bucket; an s3:// prefix is stripped). Not created here (see aws/dativo-etl). Default: {tenant_id}-dativo-data-lake-{environment}."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "VPC of the cluster's security groups (runtime.network.vpc_id). Required."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnets the cluster may launch in (runtime.network.subnet_ids); EMR picks the best one. Required."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "security_group_ids" {
  description = "Extra security groups attached to all cluster nodes, in addition to the EMR-managed groups this module creates (runtime.network.security_group_ids)."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "service_account" {
  description = "Service account from the job's runtime.service_account (a GCP notion). Accepted so that generated tfvars always match; not used by this module."
  type        = string
  default     = null
}

variable "enable_spot_instances" {
  description = "Run core and task nodes on Spot capacity (seed 000 example: infrastructure.metadata.variables.enable_spot_instances). Falls back to On-Demand when Spot capacity is not available in time."
  type        = bool
  default     = false
  nullable    = false
}

# -----------------------------------------------------------------------------
# Cluster
# -----------------------------------------------------------------------------

variable "cluster_name" {
  description = "Name of the EMR cluster. Default: {tenant_id}-dativo-emr-{environment}."
  type        = string
  default     = null
}

variable "release_label" {
  description = "EMR release label."
  type        = string
  default     = "emr-7.5.0"
}

variable "applications" {
  description = "EMR applications to install."
  type        = list(string)
  default     = ["Spark", "Hadoop", "Hive"]
}

variable "master_instance_type" {
  description = "EC2 instance type of the primary node. Default: instance_type."
  type        = string
  default     = null
}

variable "task_instance_count" {
  description = "Number of task nodes at launch. 0 creates no task fleet (managed scaling then scales core nodes); more than 0 creates a task fleet, and managed scaling keeps core nodes at instance_count and scales task nodes."
  type        = number
  default     = 0
  nullable    = false
}

variable "task_instance_type" {
  description = "EC2 instance type of the task nodes. Default: instance_type."
  type        = string
  default     = null
}

variable "ebs_volume_size_gb" {
  description = "Size in GiB of the gp3 EBS data volume of each core and task node."
  type        = number
  default     = 64
}

variable "spot_timeout_minutes" {
  description = "Minutes to wait for Spot capacity before switching to On-Demand (with enable_spot_instances)."
  type        = number
  default     = 10
}

variable "private_subnets" {
  description = "The subnets are private: create the service access security group EMR requires in private subnets."
  type        = bool
  default     = true
}

variable "tag_network_for_emr" {
  description = "Tag subnet_ids and security_group_ids with for-use-with-amazon-emr-managed-policies=true, which the AmazonEMRServicePolicy_v2 service role policy requires (the security groups created here are always tagged)."
  type        = bool
  default     = true
}

variable "key_name" {
  description = "EC2 key pair for SSH to the nodes. Null disables key-based SSH (use SSM)."
  type        = string
  default     = null
}

variable "termination_protection" {
  description = "Protect the cluster against accidental termination."
  type        = bool
  default     = false
}

variable "idle_timeout_seconds" {
  description = "Terminate the cluster after this many idle seconds (auto-termination policy, 60-604800). Null keeps it running."
  type        = number
  default     = null
}

variable "use_glue_catalog" {
  description = "Use the Glue Data Catalog as the Hive/Spark metastore and allow the nodes to use the tenant's Glue database (plus default and global_temp)."
  type        = bool
  default     = true
}

variable "glue_database_name" {
  description = "Glue database of the tenant's Iceberg tables. Default: {tenant_id}_iceberg_{environment} (created by aws/dativo-etl)."
  type        = string
  default     = null
}

variable "enable_iceberg" {
  description = "Enable Apache Iceberg on the cluster (iceberg-defaults classification)."
  type        = bool
  default     = true
}

variable "additional_configurations" {
  description = "Extra EMR configuration classifications, appended to the generated ones (list of {Classification, Properties, Configurations})."
  type        = any
  default     = []
}

variable "emrfs_encryption_mode" {
  description = "EMRFS S3 encryption of objects the cluster writes: null (the bucket's default encryption applies), \"SSE-S3\" or \"SSE-KMS\" (with this module's KMS key; readers then need that key)."
  type        = string
  default     = null

  validation {
    condition     = var.emrfs_encryption_mode == null || contains(["SSE-S3", "SSE-KMS"], coalesce(var.emrfs_encryption_mode, "none"))
    error_message = "The emrfs_encryption_mode must be null, \"SSE-S3\" or \"SSE-KMS\"."
  }
}

# -----------------------------------------------------------------------------
# Logging and encryption
# -----------------------------------------------------------------------------

variable "log_bucket_name" {
  description = "Name of the S3 bucket for EMR logs. Default: {tenant_id}-dativo-emr-logs-{environment}."
  type        = string
  default     = null
}

variable "log_bucket_force_destroy" {
  description = "Allow `terraform destroy` to delete the log bucket even when it still contains logs."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Retention of the CloudWatch log group and of objects in the log bucket, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "The log_retention_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653)."
  }
}

variable "kms_deletion_window_in_days" {
  description = "Waiting period before the KMS key is deleted after `terraform destroy` (7-30 days)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_in_days >= 7 && var.kms_deletion_window_in_days <= 30
    error_message = "The kms_deletion_window_in_days must be between 7 and 30."
  }
}
