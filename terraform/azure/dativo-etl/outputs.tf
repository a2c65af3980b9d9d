output "storage_account_name" {
  description = "Name of the ADLS Gen2 storage account."
  value       = azurerm_storage_account.this.name
}

output "storage_account_id" {
  description = "Resource ID of the storage account (the storage_account resource_id in the job)."
  value       = azurerm_storage_account.this.id
}

output "storage_account_dfs_endpoint" {
  description = "Primary Data Lake (dfs) endpoint of the storage account."
  value       = azurerm_storage_account.this.primary_dfs_endpoint
}

output "container_name" {
  description = "Name of the data lake container."
  value       = azurerm_storage_container.data_lake.name
}

output "data_lake_url" {
  description = "abfss:// URL of the data lake container."
  value       = "abfss://${azurerm_storage_container.data_lake.name}@${azurerm_storage_account.this.primary_dfs_host}/"
}

output "resource_group_name" {
  description = "Name of the resource group holding the resources."
  value       = local.effective_resource_group_name
}

output "managed_identity_id" {
  description = "Resource ID of the user-assigned managed identity (the managed_identity resource_id in the job)."
  value       = azurerm_user_assigned_identity.etl.id
}

output "managed_identity_client_id" {
  description = "Client ID of the managed identity (AZURE_CLIENT_ID for workloads using it)."
  value       = azurerm_user_assigned_identity.etl.client_id
}

output "managed_identity_principal_id" {
  description = "Principal (object) ID of the managed identity."
  value       = azurerm_user_assigned_identity.etl.principal_id
}
