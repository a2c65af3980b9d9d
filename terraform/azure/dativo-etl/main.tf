# Dativo ETL reference module for Azure (preview): a resource group (or an
# existing one), an ADLS Gen2 storage account (hierarchical namespace, TLS 1.2
# minimum, no public blobs), a private container for the data lake and a
# user-assigned managed identity with Storage Blob Data Contributor on the
# account.

locals {
  tenant_slug = replace(lower(var.tenant_id), "_", "-")
  env_slug    = replace(lower(var.environment), "_", "-")

  resource_group_name = coalesce(var.resource_group_name, "${local.tenant_slug}-dativo-${local.env_slug}-rg")
  # Both the created and the looked-up group are named resource_group_name;
  # referencing them orders the resources after the group.
  effective_resource_group_name = var.create_resource_group ? azurerm_resource_group.this[0].name : data.azurerm_resource_group.existing[0].name

  # Storage account names: 3-24 lowercase letters and digits, globally unique.
  # The tenant part is shortened first so that the environment is kept.
  storage_account_suffix = substr("dativo${replace(lower(var.environment), "/[^a-z0-9]/", "")}", 0, 24)
  storage_account_prefix = substr(replace(lower(var.tenant_id), "/[^a-z0-9]/", ""), 0, 24 - length(local.storage_account_suffix))
  storage_account_name   = coalesce(var.storage_account_name, "${local.storage_account_prefix}${local.storage_account_suffix}")

  container_name        = coalesce(var.bucket_name, "${local.tenant_slug}-dativo-data-lake-${local.env_slug}")
  managed_identity_name = coalesce(var.managed_identity_name, "${local.tenant_slug}-dativo-etl-${local.env_slug}")
}

# -----------------------------------------------------------------------------
# Resource group
# -----------------------------------------------------------------------------

resource "azurerm_resource_group" "this" {
  count = var.create_resource_group ? 1 : 0

  name     = local.resource_group_name
  location = var.region

  tags = var.tags
}

data "azurerm_resource_group" "existing" {
  count = var.create_resource_group ? 0 : 1

  name = local.resource_group_name
}

# -----------------------------------------------------------------------------
# ADLS Gen2 storage account and container
# -----------------------------------------------------------------------------

resource "azurerm_storage_account" "this" {
  name                = local.storage_account_name
  resource_group_name = local.effective_resource_group_name
  location            = var.region

  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = var.account_replication_type
  access_tier              = "Hot"

  # ADLS Gen2
  is_hns_enabled = true

  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = var.shared_access_key_enabled
  public_network_access_enabled   = var.public_network_access_enabled
  default_to_oauth_authentication = true

  blob_properties {
    delete_retention_policy {
      days = var.soft_delete_retention_days
    }

    container_delete_retention_policy {
      days = var.soft_delete_retention_days
    }
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z0-9]{3,24}$", local.storage_account_name))
      error_message = "The storage account name \"${local.storage_account_name}\" is invalid (3-24 lowercase letters and digits). Set storage_account_name."
    }
  }
}

# Containers carry no tags in Azure; the account holding it does.
resource "azurerm_storage_container" "data_lake" {
  name                  = local.container_name
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"

  lifecycle {
    precondition {
      condition     = length(local.container_name) <= 63 && can(regex("^[a-z0-9]([a-z0-9]|-[a-z0-9]){2,62}$", local.container_name))
      error_message = "The container name \"${local.container_name}\" is invalid (3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit). Set bucket_name."
    }
  }
}

# -----------------------------------------------------------------------------
# User-assigned managed identity with data access to the account
# -----------------------------------------------------------------------------

resource "azurerm_user_assigned_identity" "etl" {
  name                = local.managed_identity_name
  resource_group_name = local.effective_resource_group_name
  location            = var.region

  tags = var.tags
}

resource "azurerm_role_assignment" "etl_blob_data_contributor" {
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.etl.principal_id
  principal_type       = "ServicePrincipal"
}
