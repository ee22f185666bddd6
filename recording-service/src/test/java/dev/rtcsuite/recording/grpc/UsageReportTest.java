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
import dev.rtcsuite.recording.v1.DeleteMediaFileRequest;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
        Instant stored = clock.instant();
        LocalDate day = stored.atZone(Standing.SHANGHAI).toLocalDate();
        Instant dayEnd = day.plusDays(1).atStartOfDay(Standing.SHANGHAI).toInstant();

        storage.askForSweep();
        jobs.runDue(clock.instant(), 100);
        verify(reporter, never()).sendStorage(eq(app), eq(day), anyLong());

        clock.moveTo(dayEnd.plusSeconds(60));
        storage.askForSweep();
        jobs.runDue(clock.instant(), 100);
        clock.advance(Duration.ofHours(1));
        storage.askForSweep();
        jobs.runDue(clock.instant(), 100);
        // two 1 MB files (one per format), each kept from its storage to the day's end
        long keptSeconds = Duration.between(stored, dayEnd).toSeconds();
        verify(reporter, times(1))
                .sendStorage(app, day, averageOverADay(2 * 1_000_000L * keptSeconds));
    }

    @Test
    void storageCountsEachFileForTheHoursItWasKeptThatDay() {
        // SPEC R-7: GB × days, pro rata: an MP4 file kept 06:00–12:00 is a quarter of its bytes
        // for the day, the FLV file kept from 06:00 on three quarters
        doNothing().when(reporter).sendStorage(anyLong(), any(), anyLong());
        LocalDate day = clock.instant().atZone(Standing.SHANGHAI).toLocalDate().plusDays(2);
        Instant dayStart = day.atStartOfDay(Standing.SHANGHAI).toInstant();
        clock.moveTo(dayStart.plus(Duration.ofHours(5)));
        String taskId = startRecording();
        Instant start = clock.instant();
        clock.moveTo(dayStart.plus(Duration.ofHours(6)));
        recording.unpublish(app, room, "alice");
        String mp4 =
                recording
                        .uploaded(taskId, 0, FileFormat.FILE_FORMAT_MP4, start, clock.instant())
                        .getFile()
                        .getFileId();
        recording.uploaded(taskId, 0, FileFormat.FILE_FORMAT_FLV, start, clock.instant());
        clock.moveTo(dayStart.plus(Duration.ofHours(12)));
        stub.deleteMediaFile(
                DeleteMediaFileRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setFileId(mp4)
                        .build());

        clock.moveTo(dayStart.plus(Duration.ofHours(24)).plusSeconds(60));
        storage.askForSweep();
        jobs.runDue(clock.instant(), 100);
        verify(reporter, times(1)).sendStorage(app, day, 250_000L + 750_000L);
    }

    /** Byte-seconds over a 24-hour day as the average bytes kept, rounded half up. */
    private static long averageOverADay(long byteSeconds) {
        return BigDecimal.valueOf(byteSeconds)
                .divide(BigDecimal.valueOf(Duration.ofDays(1).toSeconds()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
