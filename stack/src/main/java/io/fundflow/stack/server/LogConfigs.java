package io.fundflow.stack.server;

/**
 * Logging configuration of the servers. Each writes to stdout at INFO; the launcher sends stdout to
 * the process's log file, so one file per process holds everything it said.
 */
public final class LogConfigs {

  private LogConfigs() {}

  /** log4j 2 (Kafka, Flink). */
  public static String log4j2() {
    return String.join(
        "\n",
        "status = warn",
        "appender.out.type = Console",
        "appender.out.name = out",
        "appender.out.layout.type = PatternLayout",
        "appender.out.layout.pattern = %d{ISO8601} %-5p [%t] %c - %m%n",
        "rootLogger.level = INFO",
        "rootLogger.appenderRef.out.ref = out",
        "# Quiet the chattiest loggers.",
        "logger.zookeeper.name = org.apache.zookeeper",
        "logger.zookeeper.level = WARN",
        "");
  }

  /** log4j 1 / reload4j (HBase). */
  public static String log4j1() {
    return String.join(
        "\n",
        "log4j.rootLogger=INFO, out",
        "log4j.appender.out=org.apache.log4j.ConsoleAppender",
        "log4j.appender.out.layout=org.apache.log4j.PatternLayout",
        "log4j.appender.out.layout.ConversionPattern=%d{ISO8601} %-5p [%t] %c{2}: %m%n",
        "log4j.logger.org.apache.zookeeper=WARN",
        "log4j.logger.org.apache.hadoop=WARN",
        "log4j.logger.org.apache.hadoop.hbase=INFO",
        "");
  }
}
