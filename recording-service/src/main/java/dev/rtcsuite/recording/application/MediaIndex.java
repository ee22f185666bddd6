package dev.rtcsuite.recording.application;

import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.recording.client.AppDirectory.AppStanding;
import dev.rtcsuite.recording.config.RecordingSettings;
import dev.rtcsuite.recording.domain.files.FileState;
import dev.rtcsuite.recording.domain.files.MediaFile;
import dev.rtcsuite.recording.domain.files.MediaQuery;
import dev.rtcsuite.recording.domain.files.PlaybackUrls;
import dev.rtcsuite.recording.persistence.FileRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The media index (SPEC C-5): search, read, delete (idempotent) and signed playback URLs. A
 * suspended account's files are not served; a reclaimed account's files are purged when that is
 * first seen.
 */
@ApplicationScoped
public class MediaIndex {

    public static final String FILE_NOT_AVAILABLE = "FILE_NOT_AVAILABLE";

    /** A deletion: the file and whether it had been deleted before. */
    public record Deleted(MediaFile file, boolean alreadyDeleted) {}

    /** A playback URL and when it stops working. */
    public record Playback(String url, Instant expires) {}

    private final FileRepository files;
    private final Apps apps;
    private final ReclaimedAccounts reclaimed;
    private final RecordingSettings settings;
    private final Clock clock;

    public MediaIndex(
            FileRepository files,
            Apps apps,
            ReclaimedAccounts reclaimed,
            RecordingSettings settings,
            Clock clock) {
        this.files = files;
        this.apps = apps;
        this.reclaimed = reclaimed;
        this.settings = settings;
        this.clock = clock;
    }

    public List<FileRepository.Listed> search(MediaQuery query) {
        served(query.sdkAppId());
        return files.search(query);
    }

    /** A file (DELETED ones too); {@code sdkAppId} 0 = any app. */
    public MediaFile file(String fileId, long sdkAppId) {
        MediaFile file = find(fileId, sdkAppId);
        served(file.sdkAppId());
        return file;
    }

    @Transactional
    public Deleted delete(String fileId, long sdkAppId) {
        MediaFile file =
                files.lock(fileId)
                        .filter(f -> sdkAppId == 0 || f.sdkAppId() == sdkAppId)
                        .orElseThrow(() -> notFound(fileId));
        if (file.state() == FileState.DELETED) {
            return new Deleted(file, true);
        }
        MediaFile deleted = file.withState(FileState.DELETED);
        files.update(deleted, Optional.of(clock.instant()));
        return new Deleted(deleted, false);
    }

    public Playback playback(String fileId, long sdkAppId, Duration ttl) {
        MediaFile file = file(fileId, sdkAppId);
        if (file.state() != FileState.AVAILABLE) {
            throw ServiceException.failedPrecondition(
                    FILE_NOT_AVAILABLE,
                    "File " + fileId + " is " + file.state() + ", not AVAILABLE.",
                    Map.of("fileId", fileId, "fileState", file.state().name()));
        }
        Instant expires = clock.instant().plus(ttl);
        return new Playback(
                PlaybackUrls.signed(file, expires, settings.playbackSigningKey()), expires);
    }

    private MediaFile find(String fileId, long sdkAppId) {
        return files.find(fileId)
                .filter(f -> sdkAppId == 0 || f.sdkAppId() == sdkAppId)
                .orElseThrow(() -> notFound(fileId));
    }

    /** Refuses while the account is suspended; purges a reclaimed account. */
    private void served(long sdkAppId) {
        AppStanding app = apps.known(sdkAppId);
        if (app.reclaimed()) {
            QuarkusTransaction.requiringNew().run(() -> reclaimed.purge(sdkAppId, clock.instant()));
        }
        apps.serving(sdkAppId);
    }

    private static ServiceException notFound(String fileId) {
        return ServiceException.notFound(
                RecordingErrors.MEDIA_FILE_NOT_FOUND,
                "No media file " + fileId + ".",
                Map.of("fileId", fileId));
    }
}
