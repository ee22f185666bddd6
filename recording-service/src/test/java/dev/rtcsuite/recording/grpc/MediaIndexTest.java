package dev.rtcsuite.recording.grpc;

import static dev.rtcsuite.recording.testing.Recording.newApp;
import static dev.rtcsuite.recording.testing.Recording.newRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import dev.rtcsuite.platform.grpc.ProtoTime;
import dev.rtcsuite.platform.jobs.JobRunner;
import dev.rtcsuite.platform.testing.RpcError;
import dev.rtcsuite.recording.application.RetentionSweeps;
import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.UsageReporter;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.persistence.FileRepository;
import dev.rtcsuite.recording.testing.Recording;
import dev.rtcsuite.recording.testing.TestClock;
import dev.rtcsuite.recording.v1.DeleteMediaFileRequest;
import dev.rtcsuite.recording.v1.DeleteMediaFileResponse;
import dev.rtcsuite.recording.v1.FileFormat;
import dev.rtcsuite.recording.v1.GetMediaFileRequest;
import dev.rtcsuite.recording.v1.GetPlaybackUrlRequest;
import dev.rtcsuite.recording.v1.MediaFile;
import dev.rtcsuite.recording.v1.MediaFileOrder;
import dev.rtcsuite.recording.v1.MediaFileState;
import dev.rtcsuite.recording.v1.RecordedFile;
import dev.rtcsuite.recording.v1.RecorderEventKind;
import dev.rtcsuite.recording.v1.RecordingConfig;
import dev.rtcsuite.recording.v1.RecordingMode;
import dev.rtcsuite.recording.v1.RecordingServiceGrpc.RecordingServiceBlockingStub;
import dev.rtcsuite.recording.v1.SearchMediaFilesRequest;
import dev.rtcsuite.recording.v1.SearchMediaFilesResponse;
import dev.rtcsuite.recording.v1.UpdateRecordingConfigRequest;
import io.grpc.Status.Code;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC C-5: search, sort, pages stable under inserts, delete, playback, retention, standing. */
@QuarkusTest
class MediaIndexTest {

    @GrpcClient RecordingServiceBlockingStub stub;
    @Inject TestClock clock;
    @Inject JobRunner jobs;
    @Inject RetentionSweeps sweeps;
    @Inject FileRepository fileRows;
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
                List.of(FileFormat.FILE_FORMAT_HLS),
                120,
                0);
    }

    /** One anchor's one-minute recording, stored; returns its file. */
    private MediaFile record(String user, String userDefineRecordId) {
        recording.publish(app, room, user, userDefineRecordId);
        String taskId =
                recording.tasks(app).stream()
                        .filter(t -> t.getUserId().equals(user))
                        .findFirst()
                        .orElseThrow()
                        .getTaskId();
        Instant start = clock.instant();
        recording.recorder(taskId, RecorderEventKind.RECORDER_EVENT_KIND_MEDIA_STARTED);
        clock.advance(Duration.ofMinutes(1));
        recording.unpublish(app, room, user);
        MediaFile file =
                recording
                        .uploaded(taskId, 0, FileFormat.FILE_FORMAT_HLS, start, clock.instant())
                        .getFile();
        clock.advance(Duration.ofSeconds(1));
        return file;
    }

    private SearchMediaFilesRequest.Builder search() {
        return SearchMediaFilesRequest.newBuilder().setSdkAppId(app);
    }

    private List<String> ids(SearchMediaFilesRequest.Builder request) {
        return stub.searchMediaFiles(request.build()).getFilesList().stream()
                .map(MediaFile::getFileId)
                .toList();
    }

    @Test
    void searchesByPrefixFuzzyTextExactStreamIdAndTimeRange() {
        MediaFile alice = record("alice", "");
        MediaFile bob = record("bob", "Lesson-Physics");
        Instant between = clock.instant();
        MediaFile carol = record("carol", "");

        assertThat(ids(search().setNamePrefix(app + "_" + room + "_alice")))
                .containsExactly(alice.getFileId());
        assertThat(ids(search().setNamePrefix("lesson"))).as("prefix is case-sensitive").isEmpty();
        assertThat(ids(search().setText("physics"))).containsExactly(bob.getFileId());
        assertThat(ids(search().setText("CAROL"))).containsExactly(carol.getFileId());
        assertThat(ids(search().setStreamId(alice.getStreamId())))
                .containsExactly(alice.getFileId());
        assertThat(ids(search().setStreamId(alice.getStreamId().substring(1)))).isEmpty();
        assertThat(ids(search().setStartTime(ProtoTime.timestamp(between))))
                .containsExactly(carol.getFileId());
        assertThat(ids(search().setEndTime(ProtoTime.timestamp(between))))
                .containsExactly(bob.getFileId(), alice.getFileId());
        assertThat(bob.getName()).startsWith("Lesson-Physics_");
        assertThat(bob.getPlaybackUrl()).startsWith("https://vod.example.com/");
    }

    @Test
    void sortsBothWaysAndPagesStayStableUnderInserts() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(record("u" + i, "").getFileId());
        }
        assertThat(ids(search().setOrder(MediaFileOrder.MEDIA_FILE_ORDER_CREATE_TIME_ASC)))
                .containsExactlyElementsOf(created);
        assertThat(ids(search())).containsExactlyElementsOf(created.reversed());

        for (MediaFileOrder order :
                List.of(
                        MediaFileOrder.MEDIA_FILE_ORDER_CREATE_TIME_DESC,
                        MediaFileOrder.MEDIA_FILE_ORDER_CREATE_TIME_ASC)) {
            List<String> seen = new ArrayList<>();
            SearchMediaFilesResponse page =
                    stub.searchMediaFiles(search().setOrder(order).setPageSize(2).build());
            page.getFilesList().forEach(f -> seen.add(f.getFileId()));
            // files added while paging do not shift the pages
            String added = record("late-" + order.getNumber(), "").getFileId();
            while (!page.getNextPageToken().isEmpty()) {
                page =
                        stub.searchMediaFiles(
                                search().setOrder(order)
                                        .setPageSize(2)
                                        .setPageToken(page.getNextPageToken())
                                        .build());
                page.getFilesList().forEach(f -> seen.add(f.getFileId()));
            }
            assertThat(seen).doesNotHaveDuplicates();
            if (order == MediaFileOrder.MEDIA_FILE_ORDER_CREATE_TIME_DESC) {
                assertThat(seen).containsExactlyElementsOf(created.reversed());
            } else {
                assertThat(seen).startsWith(created.toArray(String[]::new)).endsWith(added);
            }
            created.add(added);
        }
    }

    @Test
    void aPageTokenServesOnlyTheFiltersItWasIssuedFor() {
        // AIP-158: the token's position means nothing in another listing
        for (int i = 0; i < 3; i++) {
            record("pager" + i, "");
        }
        SearchMediaFilesRequest first = search().setText("pager").setPageSize(2).build();
        String token = stub.searchMediaFiles(first).getNextPageToken();
        assertThat(token).isNotEmpty();

        for (SearchMediaFilesRequest.Builder other :
                List.of(
                        search().setText("pager1"),
                        search().setNamePrefix(app + "_"),
                        search().setText("pager")
                                .setOrder(MediaFileOrder.MEDIA_FILE_ORDER_CREATE_TIME_ASC),
                        SearchMediaFilesRequest.newBuilder()
                                .setSdkAppId(app + 1)
                                .setText("pager"))) {
            RpcError refused =
                    RpcError.of(() -> stub.searchMediaFiles(other.setPageToken(token).build()));
            assertThat(refused.code()).isEqualTo(Code.INVALID_ARGUMENT);
            assertThat(refused.violatedFields()).containsExactly("page_token");
        }
        // the same filters with another page size continue the listing
        assertThat(
                        stub.searchMediaFiles(
                                        first.toBuilder()
                                                .setPageSize(5)
                                                .setPageToken(token)
                                                .build())
                                .getFilesList())
                .hasSize(1);
    }

    @Test
    void deleteIsIdempotentAndTheFileLeavesSearches() {
        MediaFile file = record("alice", "");
        DeleteMediaFileResponse first = delete(file.getFileId());
        assertThat(first.getAlreadyDeleted()).isFalse();
        assertThat(first.getFile().getState()).isEqualTo(MediaFileState.MEDIA_FILE_STATE_DELETED);
        assertThat(delete(file.getFileId()).getAlreadyDeleted()).isTrue();
        assertThat(ids(search())).isEmpty();
        assertThat(get(file.getFileId()).getState())
                .isEqualTo(MediaFileState.MEDIA_FILE_STATE_DELETED);

        RpcError unknown = RpcError.of(() -> delete("no-such-file"));
        assertThat(unknown.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(unknown.reason()).isEqualTo("MEDIA_FILE_NOT_FOUND");
    }

    @Test
    void anotherAppsFileIsNotFound() {
        MediaFile file = record("alice", "");
        RpcError error =
                RpcError.of(
                        () ->
                                stub.getMediaFile(
                                        GetMediaFileRequest.newBuilder()
                                                .setFileId(file.getFileId())
                                                .setSdkAppId(app + 1)
                                                .build()));
        assertThat(error.code()).isEqualTo(Code.NOT_FOUND);
        assertThat(
                        stub.getMediaFile(
                                        GetMediaFileRequest.newBuilder()
                                                .setFileId(file.getFileId())
                                                .setSdkAppId(app)
                                                .build())
                                .getFile()
                                .getFileId())
                .isEqualTo(file.getFileId());
    }

    @Test
    void playbackUrlsAreSignedAndExpireAndOnlyAvailableFilesPlay() {
        MediaFile file = record("alice", "");
        var playback =
                stub.getPlaybackUrl(
                        GetPlaybackUrlRequest.newBuilder().setFileId(file.getFileId()).build());
        assertThat(playback.getUrl())
                .startsWith(file.getPlaybackUrl() + "?file_id=")
                .contains("&expires=")
                .contains("&sign=");
        assertThat(ProtoTime.instant(playback.getExpireTime()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        RpcError tooLong =
                RpcError.of(
                        () ->
                                stub.getPlaybackUrl(
                                        GetPlaybackUrlRequest.newBuilder()
                                                .setFileId(file.getFileId())
                                                .setTtl(
                                                        com.google.protobuf.Duration.newBuilder()
                                                                .setSeconds(86_401))
                                                .build()));
        assertThat(tooLong.violatedFields()).containsExactly("ttl");

        recording.publish(app, room, "bob");
        String taskId = recording.tasks(app).getFirst().getTaskId();
        MediaFile failing =
                recording
                        .recorder(
                                taskId,
                                RecorderEventKind.RECORDER_EVENT_KIND_FILE_UPLOAD_FAILED,
                                RecordedFile.newBuilder()
                                        .setFormat(FileFormat.FILE_FORMAT_HLS)
                                        .setStartTime(
                                                ProtoTime.timestamp(
                                                        clock.instant().minusSeconds(60)))
                                        .setEndTime(ProtoTime.timestamp(clock.instant()))
                                        .build())
                        .getFile();
        assertThat(failing.getState()).isEqualTo(MediaFileState.MEDIA_FILE_STATE_UPLOAD_RETRYING);
        RpcError notAvailable =
                RpcError.of(
                        () ->
                                stub.getPlaybackUrl(
                                        GetPlaybackUrlRequest.newBuilder()
                                                .setFileId(failing.getFileId())
                                                .build()));
        assertThat(notAvailable.reason()).isEqualTo("FILE_NOT_AVAILABLE");
    }

    @Test
    void aSuspendedAccountsFilesAreNotServedAndAReclaimedAccountsArePurged() {
        MediaFile file = record("alice", "");
        Standing.outOfService(apps, app, "SUSPENDED_ARREARS");
        RpcError search = RpcError.of(() -> stub.searchMediaFiles(search().build()));
        assertThat(search.code()).isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(search.reason()).isEqualTo("ACCOUNT_NOT_IN_SERVICE");
        assertThat(RpcError.of(() -> get(file.getFileId())).reason())
                .isEqualTo("ACCOUNT_NOT_IN_SERVICE");
        assertThat(fileRows.find(file.getFileId()).orElseThrow().state())
                .isEqualTo(FileState.AVAILABLE);

        Standing.outOfService(apps, app, "RECLAIMED");
        assertThat(RpcError.of(() -> stub.searchMediaFiles(search().build())).code())
                .isEqualTo(Code.FAILED_PRECONDITION);
        assertThat(fileRows.find(file.getFileId()).orElseThrow().state())
                .isEqualTo(FileState.DELETED);
    }

    @Test
    void theRetentionSweeperDeletesExpiredFiles() {
        stub.updateRecordingConfig(
                UpdateRecordingConfigRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setConfig(
                                RecordingConfig.newBuilder().setSdkAppId(app).setRetentionDays(1))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("retention_days"))
                        .build());
        MediaFile file = record("alice", "");
        assertThat(ProtoTime.instant(file.getExpireTime()))
                .isEqualTo(ProtoTime.instant(file.getCreateTime()).plus(Duration.ofDays(1)));

        clock.advance(Duration.ofHours(23));
        sweeps.askForSweep();
        jobs.runDue(clock.instant(), 100);
        assertThat(get(file.getFileId()).getState())
                .isEqualTo(MediaFileState.MEDIA_FILE_STATE_AVAILABLE);

        clock.advance(Duration.ofHours(1));
        sweeps.askForSweep();
        jobs.runDue(clock.instant(), 100);
        assertThat(get(file.getFileId()).getState())
                .isEqualTo(MediaFileState.MEDIA_FILE_STATE_DELETED);
    }

    private DeleteMediaFileResponse delete(String fileId) {
        return stub.deleteMediaFile(
                DeleteMediaFileRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setFileId(fileId)
                        .build());
    }

    private MediaFile get(String fileId) {
        return stub.getMediaFile(GetMediaFileRequest.newBuilder().setFileId(fileId).build())
                .getFile();
    }
}
