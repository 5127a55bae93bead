package io.fundflow.scheduler.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing of answers captured from the local stack's Flink 2.2.1 session cluster. */
class FlinkResponsesTest {

  static String captured(String name) {
    try (InputStream in = FlinkResponsesTest.class.getResourceAsStream("/flink/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no captured response " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void jarIdIsTheUploadedFileName() {
    assertEquals(
        "b4beba74-9ec2-4797-8674-2929c0d08512_fundflow-realtime-0.1.0-SNAPSHOT-job.jar",
        FlinkResponses.uploadedJarId(captured("jar-upload.json")));
  }

  @Test
  void runAnswersTheJobId() {
    assertEquals(
        "3980635091038ab32420722fc55e9d7a", FlinkResponses.jobId(captured("jar-run.json")));
  }

  @Test
  void jobsOverviewListsIdNameAndState() {
    assertEquals(
        List.of(
            new FlinkJob(
                "3980635091038ab32420722fc55e9d7a",
                "fundflow-fund-flow",
                JobState.RUNNING,
                14,
                14)),
        FlinkResponses.jobs(captured("jobs-overview.json")));
    assertTrue(FlinkResponses.jobs(captured("jobs-overview.json")).get(0).fullyRunning());
    assertEquals(List.of(), FlinkResponses.jobs("{\"jobs\":[]}"));
  }

  @Test
  void aJobStillDeployingIsNotFullyRunning() {
    String deploying =
        "{\"jobs\":[{\"jid\":\"a\",\"name\":\"n\",\"state\":\"RUNNING\","
            + "\"tasks\":{\"running\":5,\"deploying\":9,\"total\":14}}]}";
    FlinkJob job = FlinkResponses.jobs(deploying).get(0);
    assertEquals(5, job.tasksRunning());
    assertFalse(job.fullyRunning());
  }

  @Test
  void jobDetailsGiveTheState() {
    assertEquals(JobState.RUNNING, FlinkResponses.jobState(captured("job-details.json")));
  }

  @Test
  void stopAnswersTheTriggerId() {
    assertEquals(
        "395053e58076a8917dce4c5f7aa10f07",
        FlinkResponses.triggerId(captured("stop-trigger.json")));
  }

  @Test
  void savepointInProgress() {
    assertInstanceOf(
        SavepointStatus.InProgress.class,
        FlinkResponses.savepointStatus(captured("savepoint-in-progress.json")));
  }

  @Test
  void savepointCompletedWithItsLocation() {
    assertEquals(
        new SavepointStatus.Completed("file:/tmp/ff-tmkill/sp/savepoint-398063-c6aefadccff7"),
        FlinkResponses.savepointStatus(captured("savepoint-completed.json")));
  }

  @Test
  void completedWithAFailureCauseAndNoLocationIsAFailure() {
    SavepointStatus status = FlinkResponses.savepointStatus(captured("savepoint-failed.json"));
    SavepointStatus.Failed failed = assertInstanceOf(SavepointStatus.Failed.class, status);
    assertTrue(failed.cause().contains("CheckpointException"), failed.cause());
    assertTrue(failed.cause().contains("IO-problem detected"), failed.cause());
  }

  @Test
  void completedWithNeitherLocationNorCauseIsStillAFailure() {
    assertInstanceOf(
        SavepointStatus.Failed.class,
        FlinkResponses.savepointStatus("{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{}}"));
  }

  @Test
  void anUnknownSavepointStatusIsRejected() {
    assertThrows(
        FlinkResponseException.class,
        () -> FlinkResponses.savepointStatus("{\"status\":{\"id\":\"PAUSED\"}}"));
  }

  @Test
  void latestCompletedCheckpointIsItsExternalPath() {
    assertEquals(
        Optional.of(
            "file:/tmp/ff-tmkill/data/flink/checkpoints/3980635091038ab32420722fc55e9d7a/chk-5"),
        FlinkResponses.latestCompletedCheckpoint(captured("checkpoints.json")));
    assertEquals(
        Optional.empty(),
        FlinkResponses.latestCompletedCheckpoint(captured("checkpoints-none-completed.json")));
  }

  @Test
  void restorePointIsTheSavepointOrCheckpointTheRunStartedFrom() {
    assertEquals(
        Optional.of(
            new RestorePoint(12, true, "file:/tmp/ff-tmkill/sp/savepoint-398063-c6aefadccff7")),
        FlinkResponses.restoredFrom(captured("checkpoints-restored.json")));
    assertEquals(Optional.empty(), FlinkResponses.restoredFrom(captured("checkpoints.json")));
  }

  @Test
  void overviewGivesTaskManagersAndSlots() {
    assertEquals(
        new ClusterOverview(1, 4, 4, 0, "2.2.1"),
        FlinkResponses.overview(captured("overview.json")));
  }

  @Test
  void errorGistIsTheMessageAndItsRootCause() {
    List<String> errors = FlinkResponses.errors(captured("error-run-bad-config.json"));
    assertEquals(1, errors.size());
    String gist = FlinkResponses.gist(errors.get(0));
    assertTrue(
        gist.startsWith(
            "org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute"
                + " application."),
        gist);
    assertTrue(
        gist.contains("UserSystemExitException: Flink user code attempted to exit JVM."), gist);
  }

  @Test
  void serverSideMarkerIsNotTakenForTheMessage() {
    List<String> errors = FlinkResponses.errors(captured("error-run-unknown-jar.json"));
    assertEquals("Internal server error.", errors.get(0));
    assertTrue(FlinkResponses.gist(errors.get(1)).contains("nope.jar does not exist"));
  }

  @Test
  void aBodyThatIsNotFlinksErrorJsonIsShownAsItIs() {
    assertEquals(
        List.of("<html>Bad Gateway</html>"), FlinkResponses.errors("<html>Bad Gateway</html>"));
    assertEquals(List.of(), FlinkResponses.errors(""));
  }

  @Test
  void missingFieldsAndBrokenJsonAreNamed() {
    FlinkResponseException missing =
        assertThrows(
            FlinkResponseException.class, () -> FlinkResponses.jobId("{\"status\":\"ok\"}"));
    assertTrue(missing.getMessage().contains("'jobid'"), missing.getMessage());
    assertThrows(FlinkResponseException.class, () -> FlinkResponses.jobs("not json"));
    assertThrows(
        FlinkResponseException.class, () -> FlinkResponses.jobState("{\"state\":\"DANCING\"}"));
  }

  @Test
  void terminalStatesAreTheOnesAJobNeverLeaves() {
    for (JobState state : JobState.values()) {
      assertEquals(
          state == JobState.FAILED || state == JobState.CANCELED || state == JobState.FINISHED,
          state.terminal(),
          state.name());
    }
  }
}
