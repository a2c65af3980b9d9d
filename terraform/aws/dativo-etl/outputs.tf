# Seed 002 "Required Outputs" for terraform/aws/dativo-etl: s3_bucket_name,
# iam_role_arn and glue_database_name (null when the Glue catalog is disabled).

output "s3_bucket_name" {
  description = "Name of the data lake bucket (map to target.connection.s3.bucket)."
  value       = aws_s3_bucket.data_lake.bucket
}

output "s3_bucket_arn" {
  description = "ARN of the data lake bucket."
  value       = aws_s3_bucket.data_lake.arn
}

output "s3_bucket_region" {
  description = "Region of the data lake bucket (map to target.connection.s3.region)."
  value       = aws_s3_bucket.data_lake.region
}

output "iam_role_arn" {
  description = "ARN of the ETL IAM role (map to infrastructure.metadata.iam_role_arn)."
  value       = aws_iam_role.etl.arn
}

output "iam_role_name" {
  description = "Name of the ETL IAM role."
  value       = aws_iam_role.etl.name
}

output "glue_database_name" {
  description = "Name of the Glue catalog database for Iceberg (map to target.catalog.glue_database); null when enable_glue_catalog is false."
  value       = one(aws_glue_catalog_database.iceberg[*].name)
}

output "glue_database_arn" {
  description = "ARN of the Glue catalog database; null when enable_glue_catalog is false."
  value       = one(aws_glue_catalog_database.iceberg[*].arn)
}

output "glue_catalog_id" {
  description = "Glue catalog ID (the AWS account ID); null when enable_glue_catalog is false."
  value       = var.enable_glue_catalog ? local.account_id : null
}

output "instance_profile_name" {
  description = "Name of the instance profile wrapping the ETL role; null unless create_instance_profile is true."
  value       = one(aws_iam_instance_profile.etl[*].name)
}

output "instance_profile_arn" {
  description = "ARN of the instance profile wrapping the ETL role; null unless create_instance_profile is true."
  value       = one(aws_iam_instance_profile.etl[*].arn)
}
