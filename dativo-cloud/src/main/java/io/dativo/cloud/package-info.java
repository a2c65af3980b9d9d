/**
 * Cloud providers behind the {@code dativo-core} SPI: packages {@code aws}, {@code gcp} and {@code
 * azure}. Empty in this version: {@code dativo infra validate} and {@code apply-tags} are not
 * available yet, and the CLI says so.
 */
package io.dativo.cloud;
