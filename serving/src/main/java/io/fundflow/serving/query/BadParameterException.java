package io.fundflow.serving.query;

/** A request parameter that cannot be served: answered with 400 and a message naming it. */
public final class BadParameterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String parameter;

  public BadParameterException(String parameter, String problem) {
    super(parameter + ": " + problem);
    this.parameter = parameter;
  }

  /** The parameter's name, e.g. {@code from}. */
  public String parameter() {
    return parameter;
  }
}
