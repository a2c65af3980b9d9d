# A demo module that runs offline with built-in resources only: it "provisions" a warehouse
# location and a table name per workspace, takes Dativo's tags, and reports them back as outputs.
# Real modules are under terraform/ at the repository root.
terraform {
  required_version = ">= 1.5"
}

variable "tenant_id" {
  description = "Tenant the resources belong to."
  type        = string
}

variable "environment" {
  description = "Environment (dev, staging, prod)."
  type        = string
}

variable "region" {
  description = "Region of the resources."
  type        = string
  default     = "local"
}

variable "tags" {
  description = "Dativo's tag set, rendered for the cloud (dativo infra tags --for aws)."
  type        = map(string)
  default     = {}
}

resource "terraform_data" "warehouse" {
  input = {
    path = "${path.module}/../../../.dativo/terraform-demo/${terraform.workspace}/warehouse"
    tags = var.tags
  }
}

output "warehouse_path" {
  description = "Where the job's Iceberg warehouse lives."
  value       = abspath(terraform_data.warehouse.output.path)
}

output "table_name" {
  description = "The table the job writes."
  value       = "orders_${var.environment}"
}

output "applied_tags" {
  description = "The tags Terraform applied (equal to dativo infra tags --for aws)."
  value       = terraform_data.warehouse.output.tags
}
