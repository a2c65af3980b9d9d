package io.dativo.cli.output;

/** ANSI styling that turns itself off when colour is not wanted. */
record Style(boolean color) {
  String red(String text) {
    return wrap("31", text);
  }

  String yellow(String text) {
    return wrap("33", text);
  }

  String green(String text) {
    return wrap("32", text);
  }

  String cyan(String text) {
    return wrap("36", text);
  }

  String bold(String text) {
    return wrap("1", text);
  }

  private String wrap(String code, String text) {
    return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
