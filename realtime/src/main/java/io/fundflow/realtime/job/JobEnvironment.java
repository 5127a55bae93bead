package io.fundflow.realtime.job;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The execution environment every realtime job runs in: checkpoints, restarts, parallelism. */
public final class JobEnvironment {

  private JobEnvironment() {}

  /**
   * Exactly-once checkpoints retained on cancellation (a failed stop-with-savepoint can fall back to
   * the last one), a fixed-delay restart strategy, and the configured parallelism.
   */
  public static StreamExecutionEnvironment create(RealtimeConfig config) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
    conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    conf.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    // The heap backend writes every entry of the keyed state at every checkpoint (a profile of the
    // bench put ~40% of the job's CPU there); RocksDB's incremental checkpoints upload only the
    // files written since the last one, but (de)serialize on every state access. Absent: the
    // cluster's own setting.
    config
        .stateBackend()
        .ifPresent(
            backend -> {
              conf.set(StateBackendOptions.STATE_BACKEND, backend);
              conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, backend.equals("rocksdb"));
            });
    config.checkpointDir().ifPresent(dir -> conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, config.restartAttempts());
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, config.restartDelay());
    // A record waits in its network buffer until the buffer fills or this much time passes: at a few
    // thousand flows/s the buffers between tasks fill slowly, so it bounds each hop's latency.
    conf.set(ExecutionOptions.BUFFER_TIMEOUT, config.networkBufferTimeout());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(config.parallelism());
    return env;
  }
}
