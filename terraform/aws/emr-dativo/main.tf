# Dativo EMR reference module (seed 000 "AWS EMR Module"): an EMR cluster with
# Spark, Hadoop and Hive on instance fleets, a KMS key for encryption at rest,
# an S3 log bucket, EMR-managed security groups, service role and instance
# profile, a CloudWatch log group and a managed scaling policy.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  tenant_slug = replace(lower(var.tenant_id), "_", "-")
  env_slug    = replace(lower(var.environment), "_", "-")

  cluster_name = coalesce(var.cluster_name, "${local.tenant_slug}-dativo-emr-${local.env_slug}")

  # The data lake bucket (created by aws/dativo-etl) and the log bucket.
  runtime_bucket_name = var.bucket_name == null ? null : trimsuffix(trimprefix(var.bucket_name, "s3://"), "/")
  data_bucket_name    = coalesce(local.runtime_bucket_name, "${local.tenant_slug}-dativo-data-lake-${local.env_slug}")
  log_bucket_name     = coalesce(var.log_bucket_name, "${local.tenant_slug}-dativo-emr-logs-${local.env_slug}")

  glue_database_name = coalesce(var.glue_database_name, "${replace(lower(var.tenant_id), "-", "_")}_iceberg_${replace(lower(var.environment), "-", "_")}")

  # IAM role names are limited to 64 characters.
  service_role_name  = substr("${local.cluster_name}-service-role", 0, 64)
  instance_role_name = substr("${local.cluster_name}-ec2-role", 0, 64)

  log_group_name = "/aws/emr/${local.cluster_name}"

  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  master_instance_type = coalesce(var.master_instance_type, var.instance_type)
  task_instance_type   = coalesce(var.task_instance_type, var.instance_type)
  create_task_fleet    = var.task_instance_count > 0

  additional_security_groups = length(var.security_group_ids) > 0 ? join(",", var.security_group_ids) : null

  # AmazonEMRServicePolicy_v2 only acts on subnets and security groups carrying this tag.
  emr_managed_policy_tag = {
    "for-use-with-amazon-emr-managed-policies" = "true"
  }

  glue_metastore_properties = {
    "hive.metastore.client.factory.class" = "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory"
  }

  emr_configurations = concat(
    var.use_glue_catalog ? [
      { Classification = "hive-site", Properties = local.glue_metastore_properties },
      { Classification = "spark-hive-site", Properties = local.glue_metastore_properties },
    ] : [],
    var.enable_iceberg ? [
      { Classification = "iceberg-defaults", Properties = { "iceberg.enabled" = "true" } },
    ] : [],
    var.additional_configurations,
  )

  # At-rest encryption: local disks and EBS volumes always use the KMS key;
  # EMRFS (S3) encryption only when emrfs_encryption_mode is set.
  at_rest_encryption_candidates = {
    LocalDiskEncryptionConfiguration = {
      EncryptionKeyProviderType = "AwsKms"
      AwsKmsKey                 = aws_kms_key.emr.arn
      EnableEbsEncryption       = true
    }
    S3EncryptionConfiguration = var.emrfs_encryption_mode == "SSE-KMS" ? tomap({
      EncryptionMode = "SSE-KMS"
      AwsKmsKey      = aws_kms_key.emr.arn
      }) : tomap({
      EncryptionMode = "SSE-S3"
    })
  }
  at_rest_encryption = {
    for name, config in local.at_rest_encryption_candidates : name => config
    if name != "S3EncryptionConfiguration" || var.emrfs_encryption_mode != null
  }
}

# -----------------------------------------------------------------------------
# KMS key for encryption at rest (local disks, EBS, logs)
# -----------------------------------------------------------------------------

data "aws_iam_policy_document" "kms" {
  statement {
    sid       = "AccountAdministration"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid    = "CloudWatchLogs"
    effect = "Allow"
    actions = [
      "kms:Decrypt*",
      "kms:Describe*",
      "kms:Encrypt*",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${var.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group:${local.log_group_name}"]
    }
  }
}

resource "aws_kms_key" "emr" {
  description             = "Dativo EMR encryption at rest for ${local.cluster_name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_deletion_window_in_days
  policy                  = data.aws_iam_policy_document.kms.json

  tags = merge(var.tags, {
    Name = "${local.cluster_name}-kms"
  })
}

resource "aws_kms_alias" "emr" {
  name          = "alias/${local.cluster_name}"
  target_key_id = aws_kms_key.emr.key_id
}

# -----------------------------------------------------------------------------
# S3 log bucket
# -----------------------------------------------------------------------------

resource "aws_s3_bucket" "logs" {
  bucket        = local.log_bucket_name
  force_destroy = var.log_bucket_force_destroy

  tags = merge(var.tags, {
    Name = local.log_bucket_name
  })

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", local.log_bucket_name))
      error_message = "The log bucket name \"${local.log_bucket_name}\" is not a valid S3 bucket name (3-63 characters: lowercase letters, digits, '.' and '-'). Set log_bucket_name to override it."
    }
  }
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket = aws_s3_bucket.logs.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.emr.arn
    }

    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    id     = "expire-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = var.log_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}

data "aws_iam_policy_document" "logs_bucket" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = data.aws_iam_policy_document.logs_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

# -----------------------------------------------------------------------------
# CloudWatch log group
# -----------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "emr" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.emr.arn

  tags = merge(var.tags, {
    Name = local.log_group_name
  })
}

# -----------------------------------------------------------------------------
# Security groups (EMR manages their rules; Terraform only creates them)
# -----------------------------------------------------------------------------

resource "aws_security_group" "master" {
  name                   = "${local.cluster_name}-master"
  description            = "EMR-managed security group of the primary node of ${local.cluster_name}"
  vpc_id                 = var.vpc_id
  revoke_rules_on_delete = true

  egress {
    description = "All outbound traffic"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(var.tags, local.emr_managed_policy_tag, {
    Name = "${local.cluster_name}-master"
  })

  lifecycle {
    # EMR adds and maintains the rules between its managed groups.
    ignore_changes = [ingress, egress]

    precondition {
      condition     = var.vpc_id != null
      error_message = "The vpc_id is required (the job's infrastructure.runtime.network.vpc_id)."
    }
  }
}

resource "aws_security_group" "slave" {
  name                   = "${local.cluster_name}-slave"
  description            = "EMR-managed security group of the core and task nodes of ${local.cluster_name}"
  vpc_id                 = var.vpc_id
  revoke_rules_on_delete = true

  egress {
    description = "All outbound traffic"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(var.tags, local.emr_managed_policy_tag, {
    Name = "${local.cluster_name}-slave"
  })

  lifecycle {
    ignore_changes = [ingress, egress]
  }
}

resource "aws_security_group" "service_access" {
  count = var.private_subnets ? 1 : 0

  name                   = "${local.cluster_name}-service-access"
  description            = "EMR service access security group of ${local.cluster_name} (private subnets)"
  vpc_id                 = var.vpc_id
  revoke_rules_on_delete = true

  tags = merge(var.tags, local.emr_managed_policy_tag, {
    Name = "${local.cluster_name}-service-access"
  })

  lifecycle {
    ignore_changes = [ingress, egress]
  }
}

resource "aws_ec2_tag" "emr_managed_policy" {
  for_each = var.tag_network_for_emr ? toset(concat(var.subnet_ids, var.security_group_ids)) : toset([])

  resource_id = each.value
  key         = "for-use-with-amazon-emr-managed-policies"
  value       = "true"
}

# -----------------------------------------------------------------------------
# IAM: EMR service role
# -----------------------------------------------------------------------------

data "aws_iam_policy_document" "emr_service_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["elasticmapreduce.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:elasticmapreduce:${var.region}:${local.account_id}:*"]
    }
  }
}

resource "aws_iam_role" "emr_service" {
  name               = local.service_role_name
  description        = "EMR service role of ${local.cluster_name}"
  assume_role_policy = data.aws_iam_policy_document.emr_service_assume.json

  tags = merge(var.tags, {
    Name = local.service_role_name
  })
}

resource "aws_iam_role_policy_attachment" "emr_service" {
  role       = aws_iam_role.emr_service.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2"
}

# AmazonEMRServicePolicy_v2 only passes roles named EMR_EC2_DefaultRole and has
# no KMS permissions: allow passing this cluster's instance role and using the
# key for EBS encryption.
data "aws_iam_policy_document" "emr_service" {
  statement {
    sid       = "PassInstanceRole"
    effect    = "Allow"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.emr_ec2.arn]

    condition {
      test     = "StringLike"
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com*"]
    }
  }

  statement {
    sid    = "UseKmsKey"
    effect = "Allow"
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ]
    resources = [aws_kms_key.emr.arn]
  }

  statement {
    sid    = "GrantKmsKeyToAwsResources"
    effect = "Allow"
    actions = [
      "kms:CreateGrant",
      "kms:ListGrants",
      "kms:RevokeGrant",
    ]
    resources = [aws_kms_key.emr.arn]

    condition {
      test     = "Bool"
      variable = "kms:GrantIsForAWSResource"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role_policy" "emr_service" {
  name   = "${local.service_role_name}-policy"
  role   = aws_iam_role.emr_service.id
  policy = data.aws_iam_policy_document.emr_service.json
}

# -----------------------------------------------------------------------------
# IAM: instance role and profile of the cluster nodes (least privilege)
# -----------------------------------------------------------------------------

data "aws_iam_policy_document" "emr_ec2_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "emr_ec2" {
  name               = local.instance_role_name
  description        = "Instance role of the nodes of ${local.cluster_name}"
  assume_role_policy = data.aws_iam_policy_document.emr_ec2_assume.json

  tags = merge(var.tags, {
    Name = local.instance_role_name
  })
}

data "aws_iam_policy_document" "emr_ec2" {
  statement {
    sid    = "DataLakeBucket"
    effect = "Allow"
    actions = [
      "s3:GetBucketLocation",
      "s3:ListBucket",
      "s3:ListBucketMultipartUploads",
    ]
    resources = ["arn:${local.partition}:s3:::${local.data_bucket_name}"]
  }

  statement {
    sid    = "DataLakeObjects"
    effect = "Allow"
    actions = [
      "s3:AbortMultipartUpload",
      "s3:DeleteObject",
      "s3:GetObject",
      "s3:GetObjectVersion",
      "s3:ListMultipartUploadParts",
      "s3:PutObject",
    ]
    resources = ["arn:${local.partition}:s3:::${local.data_bucket_name}/*"]
  }

  statement {
    sid    = "WriteClusterLogs"
    effect = "Allow"
    actions = [
      "s3:GetBucketLocation",
      "s3:GetObject",
      "s3:ListBucket",
      "s3:PutObject",
    ]
    resources = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]
  }

  statement {
    sid     = "ReadEmrArtifacts"
    effect  = "Allow"
    actions = ["s3:GetObject", "s3:ListBucket"]
    resources = [
      "arn:${local.partition}:s3:::${var.region}.elasticmapreduce",
      "arn:${local.partition}:s3:::${var.region}.elasticmapreduce/*",
    ]
  }

  statement {
    sid    = "CloudWatchLogGroup"
    effect = "Allow"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [aws_cloudwatch_log_group.emr.arn, "${aws_cloudwatch_log_group.emr.arn}:*"]
  }

  statement {
    sid    = "UseKmsKey"
    effect = "Allow"
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ]
    resources = [aws_kms_key.emr.arn]
  }

  dynamic "statement" {
    for_each = var.use_glue_catalog ? [1] : []

    content {
      sid    = "GlueCatalog"
      effect = "Allow"
      actions = [
        "glue:BatchCreatePartition",
        "glue:BatchDeletePartition",
        "glue:BatchGetPartition",
        "glue:CreateDatabase",
        "glue:CreatePartition",
        "glue:CreateTable",
        "glue:DeletePartition",
        "glue:DeleteTable",
        "glue:GetDatabase",
        "glue:GetPartition",
        "glue:GetPartitions",
        "glue:GetTable",
        "glue:GetTableVersion",
        "glue:GetTableVersions",
        "glue:GetTables",
        "glue:GetUserDefinedFunction",
        "glue:GetUserDefinedFunctions",
        "glue:UpdatePartition",
        "glue:UpdateTable",
      ]
      resources = [
        "arn:${local.partition}:glue:${var.region}:${local.account_id}:catalog",
        "arn:${local.partition}:glue:${var.region}:${local.account_id}:database/default",
        "arn:${local.partition}:glue:${var.region}:${local.account_id}:database/global_temp",
        "arn:${local.partition}:glue:${var.region}:${local.account_id}:database/${local.glue_database_name}",
        "arn:${local.partition}:glue:${var.region}:${local.account_id}:table/${local.glue_database_name}/*",
        "arn:${local.partition}:glue:${var.region}:${local.account_id}:userDefinedFunction/default/*",
        "arn:${local.partition}:glue:${var.region}:${local.account_id}:userDefinedFunction/${local.glue_database_name}/*",
      ]
    }
  }
}

resource "aws_iam_role_policy" "emr_ec2" {
  name   = "${local.instance_role_name}-policy"
  role   = aws_iam_role.emr_ec2.id
  policy = data.aws_iam_policy_document.emr_ec2.json
}

resource "aws_iam_instance_profile" "emr_ec2" {
  name = local.instance_role_name
  role = aws_iam_role.emr_ec2.name

  tags = merge(var.tags, {
    Name = local.instance_role_name
  })
}

# -----------------------------------------------------------------------------
# EMR security configuration and cluster
# -----------------------------------------------------------------------------

resource "aws_emr_security_configuration" "this" {
  name = "${local.cluster_name}-security"

  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableInTransitEncryption     = false
      EnableAtRestEncryption        = true
      AtRestEncryptionConfiguration = local.at_rest_encryption
    }
  })
}

resource "aws_emr_cluster" "this" {
  name          = local.cluster_name
  release_label = var.release_label
  applications  = var.applications

  service_role           = aws_iam_role.emr_service.arn
  security_configuration = aws_emr_security_configuration.this.name

  log_uri                   = "s3://${aws_s3_bucket.logs.id}/emr/"
  log_encryption_kms_key_id = aws_kms_key.emr.arn

  termination_protection            = var.termination_protection
  keep_job_flow_alive_when_no_steps = true
  scale_down_behavior               = "TERMINATE_AT_TASK_COMPLETION"

  configurations_json = length(local.emr_configurations) > 0 ? jsonencode(local.emr_configurations) : null

  ec2_attributes {
    subnet_ids                        = var.subnet_ids
    instance_profile                  = aws_iam_instance_profile.emr_ec2.arn
    emr_managed_master_security_group = aws_security_group.master.id
    emr_managed_slave_security_group  = aws_security_group.slave.id
    service_access_security_group     = one(aws_security_group.service_access[*].id)
    additional_master_security_groups = local.additional_security_groups
    additional_slave_security_groups  = local.additional_security_groups
    key_name                          = var.key_name
  }

  master_instance_fleet {
    name                      = "primary"
    target_on_demand_capacity = 1

    instance_type_configs {
      instance_type = local.master_instance_type
    }
  }

  core_instance_fleet {
    name                      = "core"
    target_on_demand_capacity = var.enable_spot_instances ? 0 : var.instance_count
    target_spot_capacity      = var.enable_spot_instances ? var.instance_count : 0

    instance_type_configs {
      instance_type     = var.instance_type
      weighted_capacity = 1

      ebs_config {
        size                 = var.ebs_volume_size_gb
        type                 = "gp3"
        volumes_per_instance = 1
      }
    }

    dynamic "launch_specifications" {
      for_each = var.enable_spot_instances ? [1] : []

      content {
        spot_specification {
          allocation_strategy      = "capacity-optimized"
          timeout_action           = "SWITCH_TO_ON_DEMAND"
          timeout_duration_minutes = var.spot_timeout_minutes
        }
      }
    }
  }

  dynamic "auto_termination_policy" {
    for_each = var.idle_timeout_seconds == null ? [] : [var.idle_timeout_seconds]

    content {
      idle_timeout = auto_termination_policy.value
    }
  }

  tags = merge(var.tags, {
    Name = local.cluster_name
  })

  lifecycle {
    # Managed scaling changes the core fleet's capacity.
    ignore_changes = [
      core_instance_fleet[0].target_on_demand_capacity,
      core_instance_fleet[0].target_spot_capacity,
    ]

    precondition {
      condition     = length(var.subnet_ids) > 0
      error_message = "The subnet_ids are required (the job's infrastructure.runtime.network.subnet_ids)."
    }
  }

  depends_on = [
    aws_ec2_tag.emr_managed_policy,
    aws_iam_role_policy.emr_ec2,
    aws_iam_role_policy.emr_service,
    aws_iam_role_policy_attachment.emr_service,
    aws_s3_bucket_policy.logs,
    aws_s3_bucket_server_side_encryption_configuration.logs,
  ]
}

resource "aws_emr_instance_fleet" "task" {
  count = local.create_task_fleet ? 1 : 0

  cluster_id                = aws_emr_cluster.this.id
  name                      = "task"
  target_on_demand_capacity = var.enable_spot_instances ? 0 : var.task_instance_count
  target_spot_capacity      = var.enable_spot_instances ? var.task_instance_count : 0

  instance_type_configs {
    instance_type     = local.task_instance_type
    weighted_capacity = 1

    ebs_config {
      size                 = var.ebs_volume_size_gb
      type                 = "gp3"
      volumes_per_instance = 1
    }
  }

  dynamic "launch_specifications" {
    for_each = var.enable_spot_instances ? [1] : []

    content {
      spot_specification {
        allocation_strategy      = "capacity-optimized"
        timeout_action           = "SWITCH_TO_ON_DEMAND"
        timeout_duration_minutes = var.spot_timeout_minutes
      }
    }
  }

  lifecycle {
    ignore_changes = [target_on_demand_capacity, target_spot_capacity]
  }
}

# -----------------------------------------------------------------------------
# Auto-scaling: EMR managed scaling between min_instances and max_instances
# -----------------------------------------------------------------------------

resource "aws_emr_managed_scaling_policy" "this" {
  count = var.auto_scaling_enabled ? 1 : 0

  cluster_id = aws_emr_cluster.this.id

  compute_limits {
    unit_type              = "InstanceFleetUnits"
    minimum_capacity_units = var.min_instances
    maximum_capacity_units = var.max_instances
    # With a task fleet, core nodes stay at instance_count and task nodes scale.
    maximum_core_capacity_units = local.create_task_fleet ? var.instance_count : null
  }

  lifecycle {
    precondition {
      condition     = var.min_instances <= var.max_instances
      error_message = "The min_instances (${var.min_instances}) must not exceed max_instances (${var.max_instances})."
    }

    precondition {
      condition     = var.instance_count + var.task_instance_count >= var.min_instances && var.instance_count + var.task_instance_count <= var.max_instances
      error_message = "The initial core and task nodes (instance_count + task_instance_count) must lie between min_instances and max_instances."
    }
  }

  depends_on = [aws_emr_instance_fleet.task]
}
