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
  description = "GCP region (the job's infrastructure.provider.region): the cluster's location unless location is set, and the location of the KMS key ring and the bucket."
  type        = string
  default     = "us-central1"
}

variable "tags" {
  description = "Dativo's tag set rendered as GCP labels (what `dativo infra tags --for gcp` prints: lowercase keys and values, at most 63 characters)."
  type        = map(string)
  default     = {}
}

variable "labels" {
  description = "The same label map as tags (Dativo writes both on GCP). Applied as merge(tags, labels) through default_labels, on each resource, and (where valid as Kubernetes labels) on the namespace."
  type        = map(string)
  default     = {}
}

# -----------------------------------------------------------------------------
# Runtime values: written by `dativo infra tfvars` from the job's
# infrastructure.runtime block
# -----------------------------------------------------------------------------

variable "platform" {
  description = "Runtime platform from the job's runtime.platform (gke or kubernetes for this module). Informational: Dativo's tag set already carries it (platform)."
  type        = string
  default     = "gke"
  nullable    = false
}

variable "cluster_id" {
  description = "Cluster identifier from the job's runtime.compute.cluster_id (e.g. the GKE_CLUSTER_NAME of an earlier apply). Informational: this module creates its own cluster and returns it as gke_cluster_name / gke_cluster_id."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "Machine type of the node pool (runtime.compute.instance_type)."
  type        = string
  default     = "n2-standard-4"
  nullable    = false
}

variable "instance_count" {
  description = "Nodes per zone of the node pool (runtime.compute.instance_count): the fixed size without auto-scaling, the initial size with it. A regional cluster has nodes in each of its zones (usually 3)."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.instance_count >= 0 && floor(var.instance_count) == var.instance_count
    error_message = "The instance_count must be a whole number >= 0."
  }
}

variable "auto_scaling_enabled" {
  description = "Enable the cluster autoscaler on the node pool between min_instances and max_instances (runtime.compute.auto_scaling.enabled)."
  type        = bool
  default     = true
  nullable    = false
}

variable "min_instances" {
  description = "Minimum number of nodes in the node pool, over all zones (runtime.compute.auto_scaling.min_instances)."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.min_instances >= 0 && floor(var.min_instances) == var.min_instances
    error_message = "The min_instances must be a whole number >= 0."
  }
}

variable "max_instances" {
  description = "Maximum number of nodes in the node pool, over all zones (runtime.compute.auto_scaling.max_instances)."
  type        = number
  default     = 6
  nullable    = false

  validation {
    condition     = var.max_instances >= 1 && floor(var.max_instances) == var.max_instances
    error_message = "The max_instances must be a whole number >= 1."
  }
}

variable "bucket_name" {
  description = "Data lake bucket of the workloads (runtime.storage.bucket; a gs:// prefix is stripped). Default: {tenant_id}-dativo-data-lake-{environment}."
  type        = string
  default     = null
}

variable "vpc_id" {
  description = "VPC network (name or self link) of the cluster (runtime.network.vpc_id). Null uses the project's default network."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnetworks (name or self link) from runtime.network.subnet_ids; the cluster uses the first, in the cluster's region. Empty uses the network's subnetwork in the region."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "security_group_ids" {
  description = "Extra network tags for the nodes, so VPC firewall rules targeting them apply (runtime.network.security_group_ids: the GCP counterpart of extra security groups)."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "service_account" {
  description = "Email of an existing GCP service account for the Dativo workloads (runtime.service_account). Null creates {tenant_id}-dativo-gke-{environment}. Either way it gets object access to the bucket and the Workload Identity binding."
  type        = string
  default     = null
}

variable "enable_spot_instances" {
  description = "Run the node pool on Spot VMs."
  type        = bool
  default     = false
  nullable    = false
}

# -----------------------------------------------------------------------------
# Cluster
# -----------------------------------------------------------------------------

variable "cluster_name" {
  description = "Name of the GKE cluster (at most 40 characters, starting with a letter). Default: {tenant_id}-dativo-gke-{environment}."
  type        = string
  default     = null
}

variable "location" {
  description = "Cluster location: a region (regional cluster) or a zone (zonal cluster). Default: region."
  type        = string
  default     = null
}

variable "node_locations" {
  description = "Zones of the nodes. Empty lets GKE choose (three zones for a regional cluster)."
  type        = list(string)
  default     = []
}

variable "release_channel" {
  description = "GKE release channel: RAPID, REGULAR, STABLE or EXTENDED."
  type        = string
  default     = "REGULAR"
}

variable "deletion_protection" {
  description = "Prevent Terraform from destroying the cluster (set to false before `terraform destroy`)."
  type        = bool
  default     = true
}

variable "enable_private_endpoint" {
  description = "Make the control plane reachable on its private endpoint only (nodes are always private)."
  type        = bool
  default     = false
}

variable "master_ipv4_cidr_block" {
  description = "/28 range of the control plane's private endpoint."
  type        = string
  default     = "172.16.0.0/28"
}

variable "master_authorized_networks" {
  description = "CIDR ranges allowed to reach the control plane. Empty disables the restriction."
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
  default = []
}

variable "cluster_secondary_range_name" {
  description = "Secondary range of the subnetwork for pods. Null lets GKE create one."
  type        = string
  default     = null
}

variable "services_secondary_range_name" {
  description = "Secondary range of the subnetwork for services. Null lets GKE create one."
  type        = string
  default     = null
}

variable "disk_size_gb" {
  description = "Boot disk size of each node, in GB."
  type        = number
  default     = 100
}

variable "disk_type" {
  description = "Boot disk type of each node (pd-standard, pd-balanced or pd-ssd)."
  type        = string
  default     = "pd-balanced"
}

variable "node_service_account_roles" {
  description = "Project roles of the node service account (logging, monitoring and image pulls only)."
  type        = list(string)
  default = [
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/stackdriver.resourceMetadata.writer",
    "roles/artifactregistry.reader",
  ]
}

# -----------------------------------------------------------------------------
# Encryption
# -----------------------------------------------------------------------------

variable "kms_key_ring_name" {
  description = "Name of the Cloud KMS key ring (key rings cannot be deleted; a re-created module needs a new name). Default: {tenant_id}-dativo-gke-{environment}."
  type        = string
  default     = null
}

variable "kms_key_rotation_period" {
  description = "Rotation period of the KMS key, in seconds with an 's' suffix."
  type        = string
  default     = "7776000s"
}

variable "encrypt_node_disks" {
  description = "Encrypt the nodes' boot disks with the KMS key (grants the Compute Engine service agent use of the key)."
  type        = bool
  default     = true
}

variable "encrypt_bucket_with_kms" {
  description = "Use the KMS key as the default encryption key of the bucket created here (grants the Cloud Storage service agent use of the key)."
  type        = bool
  default     = true
}

# -----------------------------------------------------------------------------
# Storage and Kubernetes
# -----------------------------------------------------------------------------

variable "create_bucket" {
  description = "Create the data lake bucket. Set to false when the bucket already exists (for example created by gcp/dativo-etl); it is then only granted to the workload service account."
  type        = bool
  default     = true
}

variable "force_destroy" {
  description = "Allow `terraform destroy` to delete the bucket even when it still contains objects."
  type        = bool
  default     = false
}

variable "namespace" {
  description = "Kubernetes namespace of the Dativo workloads. Default: {tenant_id}-dativo-{environment}."
  type        = string
  default     = null
}

variable "kubernetes_service_account_name" {
  description = "Kubernetes service account of the Dativo workloads, bound to the GCP service account through Workload Identity."
  type        = string
  default     = "dativo-etl"
}
