terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 5.0, < 7.0"
    }
  }
}

# Every resource that supports labels receives Dativo's label set
# (merge(var.tags, var.labels)) through default_labels; resources also set it
# explicitly.
provider "google" {
  project        = var.project_id
  region         = var.region
  default_labels = local.labels
}
