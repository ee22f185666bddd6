package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.recording.application.StorageUsage;
import dev.rtcsuite.recording.application.UsageFlushes;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.domain.usage.UsageSegment;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * SPEC C-7: recording usage and storage reach rating-service as durable jobs with idempotency keys,
 * queued while rating-service is down; long recordings are reported in periods.
 */
@QuarkusTest
class UsageReportTest {

    @GrpcClient RecordingServiceBlockingStub stub;
    @Inject TestClock clock;
    @Inject JobRunner jobs;
    @Inject UsageFlushes flushes;
    @Inject StorageUsage storage;
    @InjectMock AppDirectory apps;
    @InjectMock UsageReporter reporter;

    private Recording recording;
    private final long app = newApp();
    private final int room = newRoom();

    @BeforeEach
    void setUp() {
        Standing.everyAppInService(apps);
        recording = new Recording(stub, clock);
        recording.configure(
                app,
                RecordingMode.RECORDING_MODE_GLOBAL_AUTO,
                List.of(FileFormat.FILE_FORMAT_MP4, FileFormat.FILE_FORMAT_FLV),
                120,
                0);
    }

    private String startRecording() {
        recording.publish(app, room, "alice");
        String taskId = recording.onlyTask(app).getTaskId();
        recording.recorder(taskId, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        return taskId;
    }

    @SuppressWarnings("unchecked")
    private List<List<UsageSegment>> sentFor(String taskId) {
        ArgumentCaptor<List<UsageSegment>> segments = ArgumentCaptor.forClass(List.class);
        verify(reporter, atLeastOnce()).send(anyString(), segments.capture());
        return segments.getAllValues().stream()
                .filter(list -> list.getFirst().taskId().equals(taskId))
                .toList();
    }

    @Test
    void usageIsQueuedWhileRatingIsDownAndSentWithTheSameKeysWhenItIsBack() {
        doThrow(Status.UNAVAILABLE.asRuntimeException())
                .doNothing()
                .when(reporter)
                .send(anyString(), any());
        String taskId = startRecording();
        clock.advance(Duration.ofMinutes(10));
        recording.unpublish(app, room, "alice");

        jobs.runDue(clock.instant(), 100);
        clock.advance(Duration.ofSeconds(10));
        jobs.runDue(clock.instant(), 100);

        List<List<UsageSegment>> sent = sentFor(taskId);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo(sent.get(0));
        UsageSegment segment = sent.getFirst().getFirst();
        assertThat(segment.idempotencyKey()).isEqualTo("recording:" + taskId + ":0");
        assertThat(segment.seconds()).isEqualTo(600);
        assertThat(segment.formatCount()).isEqualTo(2);
        assertThat(segment.input().width()).isEqualTo(1280);

        clock.advance(Duration.ofMinutes(10));
        jobs.runDue(clock.instant(), 100);
        assertThat(sentFor(taskId)).as("taken once: not sent again").hasSize(2);
    }

    @Test
    void aLongRecordingIsReportedInFiveMinutePeriods() {
        doNothing().when(reporter).send(anyString(), any());
        Instant slot = Instant.ofEpochSecond(clock.instant().getEpochSecond() / 300 * 300);
        String taskId = startRecording();
        Instant start = clock.instant();
        flushes.askForFlush();
        clock.moveTo(slot.plus(Duration.ofMinutes(5)));
        jobs.runDue(clock.instant(), 100);

        List<List<UsageSegment>> sent = sentFor(taskId);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getFirst().seconds())
                .isEqualTo(Duration.between(start, clock.instant()).toSeconds());
    }

    @Test
    void storedFilesAreReportedAsStorageOncePerClosedBillingDay() {
        doNothing().when(reporter).sendStorage(anyLong(), any(), anyLong());
        String taskId = startRecording();
        Instant start = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        recording.unpublish(app, room, "alice");
        recording.uploaded(taskId, 0, FileFormat.FILE_FORMAT_MP4, start, clock.instant());
        recording.uploaded(taskId, 0, FileFormat.FILE_FORMAT_FLV, start, clock.instant());
        LocalDate day = clock.instant().atZone(Standing.SHANGHAI).toLocalDate();

        storage.askForSweep();
        jobs.runDue(clock.instant(), 100);
        verify(reporter, never()).sendStorage(eq(app), eq(day), anyLong());

        clock.moveTo(day.plusDays(1).atStartOfDay(Standing.SHANGHAI).toInstant().plusSeconds(60));
        storage.askForSweep();
        jobs.runDue(clock.instant(), 100);
        clock.advance(Duration.ofHours(1));
        storage.askForSweep();
        jobs.runDue(clock.instant(), 100);
        verify(reporter, times(1)).sendStorage(app, day, 2_000_000L);
    }
}
