"""Creates N S3 buckets in moto (half with foreign tags) and writes a job that names them all."""
import sys

import boto3

endpoint, count, job = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
with open(job, "w") as out:
    out.write("tenant_id: acme\nenvironment: prod\nsource_connector: postgres\ntarget_connector: iceberg\nasset: orders\n")
    out.write("finops: {cost_center: DATA-001, project: bench}\n")
    out.write("infrastructure:\n  provider:\n    provider: aws\n    region: us-east-1\n    resources:\n")
    for i in range(count):
        name = f"acme-dativo-bench-{i:05d}"
        s3.create_bucket(Bucket=name)
        if i % 2 == 0:
            s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "team", "Value": "platform"}]})
        out.write(f'      - {{resource_type: s3_bucket, resource_id: "arn:aws:s3:::{name}"}}\n')
