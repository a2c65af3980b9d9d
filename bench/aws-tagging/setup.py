"""Creates N S3 buckets or RDS instances in moto (half with foreign tags) and writes a job naming them.

    setup.py ENDPOINT N JOB [s3|rds]
"""
import sys

import boto3

endpoint, count, job = sys.argv[1], int(sys.argv[2]), sys.argv[3]
kind = sys.argv[4] if len(sys.argv) > 4 else "s3"
session = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
s3 = boto3.client("s3", **session)
rds = boto3.client("rds", **session)
with open(job, "w") as out:
    out.write("tenant_id: acme\nenvironment: prod\nsource_connector: postgres\ntarget_connector: iceberg\nasset: orders\n")
    out.write("finops: {cost_center: DATA-001, project: bench}\n")
    out.write("infrastructure:\n  provider:\n    provider: aws\n    region: us-east-1\n    resources:\n")
    for i in range(count):
        name = f"acme-dativo-bench-{i:05d}"
        foreign = [{"Key": "team", "Value": "platform"}] if i % 2 == 0 else []
        if kind == "rds":
            rds.create_db_instance(DBInstanceIdentifier=name, Engine="postgres", DBInstanceClass="db.t3.micro",
                                   AllocatedStorage=20, MasterUsername="bench", MasterUserPassword="bench-password-1", BackupRetentionPeriod=0,
                                   Tags=foreign)
            out.write(f'      - {{resource_type: rds_instance, resource_id: "{name}"}}\n')
        else:
            s3.create_bucket(Bucket=name)
            if foreign:
                s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": foreign})
            out.write(f'      - {{resource_type: s3_bucket, resource_id: "arn:aws:s3:::{name}"}}\n')
