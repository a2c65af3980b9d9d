output "emr_cluster_id" {
  description = "ID of the EMR cluster (j-...), e.g. for EMR_CLUSTER_ID / runtime.compute.cluster_id."
  value       = aws_emr_cluster.this.id
}

output "emr_cluster_arn" {
  description = "ARN of the EMR cluster."
  value       = aws_emr_cluster.this.arn
}

output "emr_cluster_name" {
  description = "Name of the EMR cluster."
  value       = aws_emr_cluster.this.name
}

output "emr_master_dns" {
  description = "DNS name of the primary node (a private name in private subnets)."
  value       = aws_emr_cluster.this.master_public_dns
}

output "log_bucket_name" {
  description = "Name of the S3 bucket receiving the EMR logs."
  value       = aws_s3_bucket.logs.bucket
}

output "log_uri" {
  description = "S3 URI of the EMR logs."
  value       = aws_emr_cluster.this.log_uri
}

output "data_bucket_name" {
  description = "Data lake bucket the cluster nodes may read and write."
  value       = local.data_bucket_name
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting local disks, EBS volumes, logs and the log group."
  value       = aws_kms_key.emr.arn
}

output "log_group_name" {
  description = "Name of the CloudWatch log group of the cluster."
  value       = aws_cloudwatch_log_group.emr.name
}

output "security_group_ids" {
  description = "IDs of the security groups created for the cluster: primary, core/task and (private subnets) service access."
  value       = concat([aws_security_group.master.id, aws_security_group.slave.id], aws_security_group.service_access[*].id)
}

output "emr_service_role_arn" {
  description = "ARN of the EMR service role."
  value       = aws_iam_role.emr_service.arn
}

output "instance_role_arn" {
  description = "ARN of the IAM role of the cluster nodes."
  value       = aws_iam_role.emr_ec2.arn
}

output "instance_profile_arn" {
  description = "ARN of the instance profile of the cluster nodes."
  value       = aws_iam_instance_profile.emr_ec2.arn
}
