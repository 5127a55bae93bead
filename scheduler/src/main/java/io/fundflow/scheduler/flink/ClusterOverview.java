package io.fundflow.scheduler.flink;

/**
 * The cluster's capacity and load, from {@code GET /overview}.
 *
 * @param taskManagers registered TaskManagers
 * @param slotsTotal task slots over all TaskManagers
 * @param slotsAvailable free task slots
 * @param jobsRunning jobs in state RUNNING
 * @param flinkVersion the cluster's Flink version
 */
public record ClusterOverview(
    int taskManagers, int slotsTotal, int slotsAvailable, int jobsRunning, String flinkVersion) {}
