# -----------------------------------------------------------------------------
# Identity, region and tags: always written by `dativo infra tfvars`
# -----------------------------------------------------------------------------

variable "tenant_id" {
  description = "Dativo tenant identifier (e.g. acme): lowercase letters, digits, '-' and '_'. Part of every resource name. (Not the Entra ID tenant.)"
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
  description = "Azure region (location) of the resources (the job's infrastructure.provider.region, e.g. eastus)."
  type        = string
  default     = "eastus"
}

variable "tags" {
  description = "Dativo's tag set rendered for Azure (what `dativo infra tags --for azure` prints). azurerm has no default_tags, so it is set on every taggable resource."
  type        = map(string)
  default     = {}
}

variable "subscription_id" {
  description = "Azure subscription to deploy into (infrastructure.provider.subscription_id). Null uses ARM_SUBSCRIPTION_ID or the Azure CLI's current subscription."
  type        = string
  default     = null
}

# -----------------------------------------------------------------------------
# Resource group
# -----------------------------------------------------------------------------

variable "create_resource_group" {
  description = "Create the resource group. False uses the existing group named resource_group_name."
  type        = bool
  default     = true
}

variable "resource_group_name" {
  description = "Name of the resource group (created, or existing when create_resource_group is false). Default: {tenant_id}-dativo-{environment}-rg."
  type        = string
  default     = null
}

# -----------------------------------------------------------------------------
# Storage (ADLS Gen2)
# -----------------------------------------------------------------------------

variable "storage_account_name" {
  description = "Name of the storage account (3-24 lowercase letters and digits, globally unique). Default: {tenant_id}dativo{environment} without other characters, the tenant part shortened to fit 24 characters."
  type        = string
  default     = null
}

variable "bucket_name" {
  description = "Name of the data lake container (the Azure counterpart of a bucket; the job's runtime.storage.bucket). Default: {tenant_id}-dativo-data-lake-{environment}."
  type        = string
  default     = null
}

variable "account_replication_type" {
  description = "Replication of the storage account: LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS."
  type        = string
  default     = "LRS"

  validation {
    condition     = contains(["LRS", "ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS"], var.account_replication_type)
    error_message = "The account_replication_type must be one of LRS, ZRS, GRS, RAGRS, GZRS, RAGZRS."
  }
}

variable "shared_access_key_enabled" {
  description = "Allow shared key (account key and SAS) authorization. False forces Entra ID (the managed identity); Terraform itself then needs data-plane roles on the account."
  type        = bool
  default     = true
}

variable "public_network_access_enabled" {
  description = "Allow access to the storage account from public networks."
  type        = bool
  default     = true
}

variable "soft_delete_retention_days" {
  description = "Days deleted blobs and containers are kept (soft delete), 1-365."
  type        = number
  default     = 7

  validation {
    condition     = var.soft_delete_retention_days >= 1 && var.soft_delete_retention_days <= 365
    error_message = "The soft_delete_retention_days must be between 1 and 365."
  }
}

# -----------------------------------------------------------------------------
# Managed identity
# -----------------------------------------------------------------------------

variable "managed_identity_name" {
  description = "Name of the user-assigned managed identity. Default: {tenant_id}-dativo-etl-{environment}."
  type        = string
  default     = null
}

# -----------------------------------------------------------------------------
# Runtime values written by `dativo infra tfvars` when the job has an
# infrastructure.runtime block. This module creates storage and an identity
# only, so apart from bucket_name they are accepted (so the generated
# dativo.auto.tfvars always matches a declared variable) but not used.
# -----------------------------------------------------------------------------

variable "platform" {
  description = "Runtime platform from the job's runtime.platform (e.g. aks, aci). Accepted, not used by this module."
  type        = string
  default     = null
}

variable "cluster_id" {
  description = "Existing cluster identifier from the job's runtime.compute.cluster_id. Accepted, not used by this module."
  type        = string
  default     = null
}

variable "instance_type" {
  description = "VM size from the job's runtime.compute.instance_type. Accepted, not used by this module."
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
  description = "Virtual network from the job's runtime.network.vpc_id. Accepted, not used by this module."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnets from the job's runtime.network.subnet_ids. Accepted, not used by this module."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Network security groups from the job's runtime.network.security_group_ids. Accepted, not used by this module."
  type        = list(string)
  default     = []
}

variable "service_account" {
  description = "Service account from the job's runtime.service_account (a GCP notion). Accepted, not used by this module."
  type        = string
  default     = null
}
