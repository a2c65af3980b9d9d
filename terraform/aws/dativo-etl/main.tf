# Dativo ETL reference module for AWS: an encrypted, versioned, private S3 data
# lake bucket, a least-privilege IAM role for the ETL runtime (ECS tasks, EMR
# Serverless, optionally EMR on EC2) and a Glue catalog database for Iceberg.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  # Names follow seed 002 "Resource Naming Conventions". Bucket and role names
  # use '-' (S3 does not allow '_'); Glue database names use '_'.
  tenant_slug = replace(lower(var.tenant_id), "_", "-")
  env_slug    = replace(lower(var.environment), "_", "-")

  default_bucket_name = "${local.tenant_slug}-dativo-data-lake-${local.env_slug}"
  runtime_bucket_name = var.bucket_name == null ? null : trimsuffix(trimprefix(var.bucket_name, "s3://"), "/")
  bucket_name         = coalesce(var.s3_bucket_name, local.runtime_bucket_name, local.default_bucket_name)

  iam_role_name      = coalesce(var.iam_role_name, "${local.tenant_slug}-dativo-etl-role-${local.env_slug}")
  glue_database_name = coalesce(var.glue_database_name, "${replace(lower(var.tenant_id), "-", "_")}_iceberg_${replace(lower(var.environment), "-", "_")}")

  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  use_kms          = var.sse_algorithm == "aws:kms"
  use_customer_key = local.use_kms && var.kms_key_arn != null

  glue_catalog_arn  = "arn:${local.partition}:glue:${var.region}:${local.account_id}:catalog"
  glue_database_arn = "arn:${local.partition}:glue:${var.region}:${local.account_id}:database/${local.glue_database_name}"
  glue_tables_arn   = "arn:${local.partition}:glue:${var.region}:${local.account_id}:table/${local.glue_database_name}/*"
}

# -----------------------------------------------------------------------------
# S3 data lake bucket
# -----------------------------------------------------------------------------

resource "aws_s3_bucket" "data_lake" {
  bucket        = local.bucket_name
  force_destroy = var.force_destroy

  tags = merge(var.tags, {
    Name = local.bucket_name
  })

  lifecycle {
    precondition {
      condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", local.bucket_name))
      error_message = "The bucket name \"${local.bucket_name}\" is not a valid S3 bucket name (3-63 characters: lowercase letters, digits, '.' and '-'). Set s3_bucket_name to override it."
    }
  }
}

resource "aws_s3_bucket_ownership_controls" "data_lake" {
  bucket = aws_s3_bucket.data_lake.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "data_lake" {
  bucket = aws_s3_bucket.data_lake.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "data_lake" {
  bucket = aws_s3_bucket.data_lake.id

  versioning_configuration {
    status = var.enable_versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data_lake" {
  bucket = aws_s3_bucket.data_lake.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = local.use_customer_key ? var.kms_key_arn : null
    }

    bucket_key_enabled = local.use_kms
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "data_lake" {
  bucket = aws_s3_bucket.data_lake.id

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  dynamic "rule" {
    for_each = var.noncurrent_version_expiration_days == null ? [] : [var.noncurrent_version_expiration_days]

    content {
      id     = "expire-noncurrent-versions"
      status = "Enabled"

      filter {}

      noncurrent_version_expiration {
        noncurrent_days = rule.value
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.data_lake]
}

data "aws_iam_policy_document" "data_lake_bucket" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data_lake.arn, "${aws_s3_bucket.data_lake.arn}/*"]

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

resource "aws_s3_bucket_policy" "data_lake" {
  bucket = aws_s3_bucket.data_lake.id
  policy = data.aws_iam_policy_document.data_lake_bucket.json

  # Applying a bucket policy while the public access block is being created
  # can fail; order them.
  depends_on = [aws_s3_bucket_public_access_block.data_lake]
}

# -----------------------------------------------------------------------------
# Glue catalog database for Iceberg
# -----------------------------------------------------------------------------

resource "aws_glue_catalog_database" "iceberg" {
  count = var.enable_glue_catalog ? 1 : 0

  name         = local.glue_database_name
  description  = "Dativo Iceberg tables of tenant ${var.tenant_id} (${var.environment})"
  location_uri = "s3://${aws_s3_bucket.data_lake.id}/${local.glue_database_name}"

  tags = merge(var.tags, {
    Name = local.glue_database_name
  })
}

# -----------------------------------------------------------------------------
# IAM role for the ETL runtime
# -----------------------------------------------------------------------------

data "aws_iam_policy_document" "assume_role" {
  dynamic "statement" {
    for_each = length(var.trusted_services) > 0 ? [1] : []

    content {
      sid     = "TrustedServices"
      effect  = "Allow"
      actions = ["sts:AssumeRole"]

      principals {
        type        = "Service"
        identifiers = var.trusted_services
      }

      dynamic "condition" {
        for_each = var.restrict_to_source_account ? [1] : []

        content {
          test     = "StringEquals"
          variable = "aws:SourceAccount"
          values   = [local.account_id]
        }
      }
    }
  }

  dynamic "statement" {
    for_each = var.create_instance_profile ? [1] : []

    content {
      sid     = "Ec2InstanceProfile"
      effect  = "Allow"
      actions = ["sts:AssumeRole"]

      principals {
        type        = "Service"
        identifiers = ["ec2.amazonaws.com"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.trusted_role_arns) > 0 ? [1] : []

    content {
      sid     = "TrustedPrincipals"
      effect  = "Allow"
      actions = ["sts:AssumeRole"]

      principals {
        type        = "AWS"
        identifiers = var.trusted_role_arns
      }
    }
  }
}

resource "aws_iam_role" "etl" {
  name               = local.iam_role_name
  description        = "Dativo ETL role of tenant ${var.tenant_id} (${var.environment})"
  assume_role_policy = data.aws_iam_policy_document.assume_role.json

  tags = merge(var.tags, {
    Name = local.iam_role_name
  })

  lifecycle {
    precondition {
      condition     = length(var.trusted_services) > 0 || length(var.trusted_role_arns) > 0 || var.create_instance_profile
      error_message = "Nothing could assume the ETL role: set trusted_services, trusted_role_arns or create_instance_profile."
    }
  }
}

# Least privilege: the data lake bucket, the tenant's Glue database and, when a
# customer managed key encrypts the bucket, that key. Nothing else.
data "aws_iam_policy_document" "etl_access" {
  statement {
    sid    = "DataLakeBucket"
    effect = "Allow"
    actions = [
      "s3:GetBucketLocation",
      "s3:ListBucket",
      "s3:ListBucketMultipartUploads",
    ]
    resources = [aws_s3_bucket.data_lake.arn]
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
    resources = ["${aws_s3_bucket.data_lake.arn}/*"]
  }

  dynamic "statement" {
    for_each = var.enable_glue_catalog ? [1] : []

    content {
      sid    = "GlueIcebergDatabase"
      effect = "Allow"
      actions = [
        "glue:BatchCreatePartition",
        "glue:BatchDeletePartition",
        "glue:BatchDeleteTableVersion",
        "glue:BatchGetPartition",
        "glue:CreatePartition",
        "glue:CreateTable",
        "glue:DeletePartition",
        "glue:DeleteTable",
        "glue:DeleteTableVersion",
        "glue:GetDatabase",
        "glue:GetPartition",
        "glue:GetPartitions",
        "glue:GetTable",
        "glue:GetTableVersion",
        "glue:GetTableVersions",
        "glue:GetTables",
        "glue:UpdatePartition",
        "glue:UpdateTable",
      ]
      resources = [
        local.glue_catalog_arn,
        local.glue_database_arn,
        local.glue_tables_arn,
      ]
    }
  }

  dynamic "statement" {
    for_each = local.use_customer_key ? [1] : []

    content {
      sid    = "DataLakeKmsKey"
      effect = "Allow"
      actions = [
        "kms:Decrypt",
        "kms:DescribeKey",
        "kms:Encrypt",
        "kms:GenerateDataKey",
      ]
      resources = [var.kms_key_arn]
    }
  }
}

resource "aws_iam_role_policy" "etl_access" {
  name   = "${local.iam_role_name}-access"
  role   = aws_iam_role.etl.id
  policy = data.aws_iam_policy_document.etl_access.json
}

resource "aws_iam_instance_profile" "etl" {
  count = var.create_instance_profile ? 1 : 0

  name = local.iam_role_name
  role = aws_iam_role.etl.name

  tags = merge(var.tags, {
    Name = local.iam_role_name
  })
}
