package io.dativo.cloud.aws;

/** Short names and ARNs of AWS resources as jobs write them (ARNs or bare names). */
final class AwsResourceNames {
  private AwsResourceNames() {}

  static String bucket(String id) {
    return id.replaceFirst("^arn:aws[^:]*:s3:::", "")
        .replaceFirst("^s3a?://", "")
        .replaceFirst("/.*$", "");
  }

  static String role(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  static String database(String id) {
    return id.replaceFirst("^arn:aws[^:]*:glue:[^:]*:[^:]*:database/", "");
  }

  /** An RDS instance identifier from its ARN ({@code arn:aws:rds:R:A:db:NAME}) or itself. */
  static String dbInstance(String id) {
    return id.startsWith("arn:") ? id.substring(id.lastIndexOf(':') + 1) : id;
  }

  static String cluster(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  static String glueDatabaseArn(String id, String region, String account) {
    return id.startsWith("arn:")
        ? id
        : "arn:aws:glue:" + region + ":" + account + ":database/" + id;
  }

  /** The account in an ARN, or empty for a bare name. */
  static java.util.Optional<String> account(String id) {
    String[] parts = id.split(":");
    return id.startsWith("arn:") && parts.length > 4 && !parts[4].isEmpty()
        ? java.util.Optional.of(parts[4])
        : java.util.Optional.empty();
  }
}
