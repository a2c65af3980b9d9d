# A module with only built-in resources, so Terraform runs offline in tests.
variable "tenant_id" {
  type    = string
  default = "acme"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "motd" {
  description = "Any text: shows that generated tfvars strings reach Terraform unchanged."
  type        = string
  default     = ""
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "terraform_data" "bucket" {
  input = {
    name = "${var.tenant_id}-dativo-data-lake-${terraform.workspace}"
    tags = var.tags
  }
}

output "s3_bucket_name" {
  value = terraform_data.bucket.output.name
}

output "iam_role_arn" {
  value = "arn:aws:iam::123456789012:role/${var.tenant_id}-dativo-etl-role-${terraform.workspace}"
}

output "db_port" {
  value = 5432
}

output "db_password" {
  value     = "s3cret-${terraform.workspace}"
  sensitive = true
}

output "subnet_ids" {
  value = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

output "applied_tags" {
  value = terraform_data.bucket.output.tags
}

output "motd" {
  value = var.motd
}
