terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

# Every taggable resource receives Dativo's tag set (`dativo infra tags --for aws`)
# through default_tags; resources additionally merge a Name tag.
provider "aws" {
  region = var.region

  default_tags {
    tags = var.tags
  }
}
