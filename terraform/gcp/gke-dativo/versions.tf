terraform {
  required_version = ">= 1.5"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 5.0, < 7.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.23"
    }
  }
}

# Every resource that supports labels receives Dativo's label set
# (merge(var.tags, var.labels)) through default_labels; resources also set it
# explicitly (resource_labels on the cluster and the node VMs).
provider "google" {
  project        = var.project_id
  region         = var.region
  default_labels = local.labels
}

data "google_client_config" "current" {}

# The namespace, service account and RBAC objects are created in the new
# cluster. With enable_private_endpoint the machine running Terraform must
# reach the private endpoint.
provider "kubernetes" {
  host                   = "https://${google_container_cluster.this.endpoint}"
  token                  = data.google_client_config.current.access_token
  cluster_ca_certificate = base64decode(google_container_cluster.this.master_auth[0].cluster_ca_certificate)
}
