# Dativo GKE reference module (seed 000 "GCP GKE Module"): a private GKE
# cluster with an autoscaling node pool, Cloud KMS encryption of Kubernetes
# secrets (application-layer database encryption), node disks and the bucket,
# a GCS bucket, service accounts, a labelled Kubernetes namespace with RBAC,
# and Workload Identity.

data "google_project" "this" {
  project_id = local.project_id
}

locals {
  tenant_slug = replace(lower(var.tenant_id), "_", "-")
  env_slug    = replace(lower(var.environment), "_", "-")

  project_id = coalesce(var.project_id, data.google_client_config.current.project)
  location   = coalesce(var.location, var.region)

  labels = merge(var.tags, var.labels)

  # Kubernetes label keys and values are stricter than GCP labels (they must
  # start and end with an alphanumeric character): keep the valid ones.
  kubernetes_labels = {
    for key, value in local.labels : key => value
    if can(regex("^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$", key)) && can(regex("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$", value))
  }

  cluster_name     = coalesce(var.cluster_name, replace(substr("${local.tenant_slug}-dativo-gke-${local.env_slug}", 0, 40), "/-+$/", ""))
  node_pool_name   = "${substr(local.cluster_name, 0, 34)}-pool"
  node_network_tag = "${local.cluster_name}-node"

  kms_key_ring_name = coalesce(var.kms_key_ring_name, "${local.tenant_slug}-dativo-gke-${local.env_slug}")

  runtime_bucket_name = var.bucket_name == null ? null : trimsuffix(trimprefix(var.bucket_name, "gs://"), "/")
  bucket_name         = coalesce(local.runtime_bucket_name, "${local.tenant_slug}-dativo-data-lake-${local.env_slug}")
  bucket_location     = upper(var.region)

  # Service account IDs: 6-30 characters, starting with a letter.
  node_service_account_id     = replace(substr("${local.tenant_slug}-gke-nodes-${local.env_slug}", 0, 30), "/-+$/", "")
  workload_service_account_id = replace(substr("${local.tenant_slug}-dativo-gke-${local.env_slug}", 0, 30), "/-+$/", "")

  create_workload_service_account = var.service_account == null
  workload_service_account_email  = local.create_workload_service_account ? google_service_account.workload[0].email : var.service_account
  # An existing account may live in another project: take it from the email.
  workload_service_account_project = local.create_workload_service_account ? local.project_id : try(regex("@([a-z][a-z0-9-]{4,28}[a-z0-9])\\.iam\\.gserviceaccount\\.com$", var.service_account)[0], local.project_id)
  workload_service_account_name    = local.create_workload_service_account ? google_service_account.workload[0].name : "projects/${local.workload_service_account_project}/serviceAccounts/${var.service_account}"

  namespace      = coalesce(var.namespace, replace(substr("${local.tenant_slug}-dativo-${local.env_slug}", 0, 63), "/-+$/", ""))
  workload_pool  = "${local.project_id}.svc.id.goog"
  workload_ident = "serviceAccount:${local.workload_pool}[${local.namespace}/${var.kubernetes_service_account_name}]"

  # Google service agents that must use the KMS key.
  kms_key_users = merge(
    {
      gke = "serviceAccount:service-${data.google_project.this.number}@container-engine-robot.iam.gserviceaccount.com"
    },
    var.encrypt_node_disks ? {
      compute = "serviceAccount:service-${data.google_project.this.number}@compute-system.iam.gserviceaccount.com"
    } : {},
    var.create_bucket && var.encrypt_bucket_with_kms ? {
      gcs = "serviceAccount:${one(data.google_storage_project_service_account.gcs[*].email_address)}"
    } : {},
  )
}

# -----------------------------------------------------------------------------
# Cloud KMS
# -----------------------------------------------------------------------------

resource "google_kms_key_ring" "gke" {
  name     = local.kms_key_ring_name
  project  = local.project_id
  location = var.region
}

resource "google_kms_crypto_key" "gke" {
  name            = "${local.cluster_name}-key"
  key_ring        = google_kms_key_ring.gke.id
  purpose         = "ENCRYPT_DECRYPT"
  rotation_period = var.kms_key_rotation_period

  labels = local.labels
}

data "google_storage_project_service_account" "gcs" {
  count = var.create_bucket && var.encrypt_bucket_with_kms ? 1 : 0

  project = local.project_id
}

resource "google_kms_crypto_key_iam_member" "service_agents" {
  for_each = local.kms_key_users

  crypto_key_id = google_kms_crypto_key.gke.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = each.value
}

# -----------------------------------------------------------------------------
# Service accounts
# -----------------------------------------------------------------------------

# Nodes: logging, monitoring and image pulls only. Workloads use their own
# account through Workload Identity, never the node's.
resource "google_service_account" "nodes" {
  project      = local.project_id
  account_id   = local.node_service_account_id
  display_name = substr("Dativo GKE nodes (${var.tenant_id}, ${var.environment})", 0, 100)

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", local.node_service_account_id))
      error_message = "The node service account ID \"${local.node_service_account_id}\" is invalid (6-30 characters: lowercase letters, digits and '-', starting with a letter)."
    }
  }
}

resource "google_project_iam_member" "nodes" {
  for_each = toset(var.node_service_account_roles)

  project = local.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.nodes.email}"
}

resource "google_service_account" "workload" {
  count = local.create_workload_service_account ? 1 : 0

  project      = local.project_id
  account_id   = local.workload_service_account_id
  display_name = substr("Dativo workloads on GKE (${var.tenant_id}, ${var.environment})", 0, 100)
  description  = "Dativo jobs of tenant ${var.tenant_id} in ${var.environment}, used through Workload Identity by ${local.namespace}/${var.kubernetes_service_account_name}."

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", local.workload_service_account_id))
      error_message = "The workload service account ID \"${local.workload_service_account_id}\" is invalid (6-30 characters: lowercase letters, digits and '-', starting with a letter). Pass an existing account as service_account."
    }
  }
}

# -----------------------------------------------------------------------------
# GCS bucket
# -----------------------------------------------------------------------------

resource "google_storage_bucket" "data_lake" {
  count = var.create_bucket ? 1 : 0

  name          = local.bucket_name
  project       = local.project_id
  location      = local.bucket_location
  force_destroy = var.force_destroy

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  labels = local.labels

  versioning {
    enabled = true
  }

  dynamic "encryption" {
    for_each = var.encrypt_bucket_with_kms ? [google_kms_crypto_key.gke.id] : []

    content {
      default_kms_key_name = encryption.value
    }
  }

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]$", local.bucket_name))
      error_message = "The bucket name \"${local.bucket_name}\" is not a valid GCS bucket name (3-63 characters: lowercase letters, digits, '-', '_' and '.'). Set bucket_name to override it."
    }
  }

  depends_on = [google_kms_crypto_key_iam_member.service_agents]
}

# Least privilege: object access on the data lake bucket only.
resource "google_storage_bucket_iam_member" "workload_object_admin" {
  bucket = var.create_bucket ? google_storage_bucket.data_lake[0].name : local.bucket_name
  role   = "roles/storage.objectAdmin"
  member = "serviceAccount:${local.workload_service_account_email}"
}

# -----------------------------------------------------------------------------
# Private GKE cluster and node pool
# -----------------------------------------------------------------------------

resource "google_container_cluster" "this" {
  name     = local.cluster_name
  project  = local.project_id
  location = local.location

  node_locations = length(var.node_locations) > 0 ? var.node_locations : null

  network         = var.vpc_id
  subnetwork      = try(var.subnet_ids[0], null)
  networking_mode = "VPC_NATIVE"

  # The default node pool is replaced by the managed pool below.
  remove_default_node_pool = true
  initial_node_count       = 1

  deletion_protection = var.deletion_protection

  resource_labels = local.labels

  release_channel {
    channel = var.release_channel
  }

  ip_allocation_policy {
    cluster_secondary_range_name  = var.cluster_secondary_range_name
    services_secondary_range_name = var.services_secondary_range_name
  }

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.enable_private_endpoint
    master_ipv4_cidr_block  = var.master_ipv4_cidr_block
  }

  dynamic "master_authorized_networks_config" {
    for_each = length(var.master_authorized_networks) > 0 ? [1] : []

    content {
      dynamic "cidr_blocks" {
        for_each = var.master_authorized_networks

        content {
          cidr_block   = cidr_blocks.value.cidr_block
          display_name = cidr_blocks.value.display_name
        }
      }
    }
  }

  workload_identity_config {
    workload_pool = local.workload_pool
  }

  # Application-layer encryption of Kubernetes secrets in etcd.
  database_encryption {
    state    = "ENCRYPTED"
    key_name = google_kms_crypto_key.gke.id
  }

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$", local.cluster_name))
      error_message = "The cluster name \"${local.cluster_name}\" is invalid (at most 40 characters: lowercase letters, digits and '-', starting with a letter). Set cluster_name."
    }
  }

  depends_on = [google_kms_crypto_key_iam_member.service_agents]
}

resource "google_container_node_pool" "primary" {
  name     = local.node_pool_name
  project  = local.project_id
  location = google_container_cluster.this.location
  cluster  = google_container_cluster.this.name

  # Fixed size without auto-scaling; initial size with it (the autoscaler
  # owns the size afterwards).
  node_count         = var.auto_scaling_enabled ? null : var.instance_count
  initial_node_count = var.auto_scaling_enabled ? var.instance_count : null

  dynamic "autoscaling" {
    for_each = var.auto_scaling_enabled ? [1] : []

    content {
      total_min_node_count = var.min_instances
      total_max_node_count = var.max_instances
      location_policy      = "BALANCED"
    }
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  upgrade_settings {
    max_surge       = 1
    max_unavailable = 0
  }

  node_config {
    machine_type      = var.instance_type
    disk_size_gb      = var.disk_size_gb
    disk_type         = var.disk_type
    spot              = var.enable_spot_instances
    service_account   = google_service_account.nodes.email
    oauth_scopes      = ["https://www.googleapis.com/auth/cloud-platform"]
    boot_disk_kms_key = var.encrypt_node_disks ? google_kms_crypto_key.gke.id : null
    resource_labels   = local.labels
    tags              = concat([local.node_network_tag], var.security_group_ids)

    metadata = {
      disable-legacy-endpoints = "true"
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

  lifecycle {
    ignore_changes = [initial_node_count]

    precondition {
      condition     = !var.auto_scaling_enabled || var.min_instances <= var.max_instances
      error_message = "The min_instances (${var.min_instances}) must not exceed max_instances (${var.max_instances})."
    }
  }

  depends_on = [
    google_kms_crypto_key_iam_member.service_agents,
    google_project_iam_member.nodes,
  ]
}

# -----------------------------------------------------------------------------
# Workload Identity: the Kubernetes service account acts as the GCP one
# -----------------------------------------------------------------------------

resource "google_service_account_iam_member" "workload_identity" {
  service_account_id = local.workload_service_account_name
  role               = "roles/iam.workloadIdentityUser"
  member             = local.workload_ident

  # The workload identity pool exists once the cluster does.
  depends_on = [google_container_cluster.this]
}

# -----------------------------------------------------------------------------
# Kubernetes namespace, service account and RBAC
# -----------------------------------------------------------------------------

resource "kubernetes_namespace_v1" "dativo" {
  metadata {
    name = local.namespace

    labels = merge(local.kubernetes_labels, {
      "app.kubernetes.io/part-of"    = "dativo"
      "app.kubernetes.io/managed-by" = "terraform"
    })

    annotations = {
      "dativo.io/tenant-id"   = var.tenant_id
      "dativo.io/environment" = var.environment
      "dativo.io/labels"      = jsonencode(local.labels)
    }
  }

  depends_on = [google_container_node_pool.primary]
}

resource "kubernetes_service_account_v1" "dativo" {
  metadata {
    name      = var.kubernetes_service_account_name
    namespace = kubernetes_namespace_v1.dativo.metadata[0].name
    labels    = local.kubernetes_labels

    annotations = {
      "iam.gke.io/gcp-service-account" = local.workload_service_account_email
    }
  }
}

# What a Spark driver or a Dativo job runner needs inside its namespace.
resource "kubernetes_role_v1" "dativo" {
  metadata {
    name      = "dativo-etl"
    namespace = kubernetes_namespace_v1.dativo.metadata[0].name
    labels    = local.kubernetes_labels
  }

  rule {
    api_groups = [""]
    resources  = ["pods", "services", "configmaps", "persistentvolumeclaims"]
    verbs      = ["create", "get", "list", "watch", "update", "patch", "delete", "deletecollection"]
  }

  rule {
    api_groups = [""]
    resources  = ["pods/log"]
    verbs      = ["get", "list", "watch"]
  }

  rule {
    api_groups = ["batch"]
    resources  = ["jobs"]
    verbs      = ["create", "get", "list", "watch", "delete"]
  }
}

resource "kubernetes_role_binding_v1" "dativo" {
  metadata {
    name      = "dativo-etl"
    namespace = kubernetes_namespace_v1.dativo.metadata[0].name
    labels    = local.kubernetes_labels
  }

  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Role"
    name      = kubernetes_role_v1.dativo.metadata[0].name
  }

  subject {
    kind      = "ServiceAccount"
    name      = kubernetes_service_account_v1.dativo.metadata[0].name
    namespace = kubernetes_namespace_v1.dativo.metadata[0].name
  }
}
