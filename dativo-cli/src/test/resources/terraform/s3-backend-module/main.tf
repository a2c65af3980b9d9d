# State in an S3 backend (configured at init with -backend-config), built-in resources only.
terraform {
  backend "s3" {}
}

variable "tenant_id" {
  type    = string
  default = "acme"
}

resource "terraform_data" "bucket" {
  input = "${var.tenant_id}-dativo-data-lake-${terraform.workspace}"
}

output "s3_bucket_name" {
  value = terraform_data.bucket.output
}

output "db_password" {
  value     = "s3cret"
  sensitive = true
}
