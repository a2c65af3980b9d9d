terraform {
  required_version = ">= 1.5"

  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
      # 4.9 added storage_account_id to azurerm_storage_container (containers
      # managed through Azure Resource Manager, no storage keys needed).
      version = "~> 4.9"
    }
  }
}

# azurerm has no default_tags: every taggable resource sets tags = var.tags.
provider "azurerm" {
  features {}

  # Null falls back to ARM_SUBSCRIPTION_ID / the Azure CLI's subscription.
  subscription_id = var.subscription_id
}
