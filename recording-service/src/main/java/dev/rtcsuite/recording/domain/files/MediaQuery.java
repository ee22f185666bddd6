package dev.rtcsuite.recording.domain.files;

import dev.rtcsuite.recording.domain.FileFormat;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A search of an app's media index (SPEC C-5); filters combine with AND.
 *
 * @param namePrefix case-sensitive prefix of the name; empty = any
 * @param text case-insensitive substring of name, user id, stream id, userDefineRecordId or record
 *     id; empty = any
 * @param streamId exactly this stream id; empty = any
 * @param afterSeq the page starts after this place in creation order (0 = first page)
 */
public record MediaQuery(
        long sdkAppId,
        String namePrefix,
        String text,
        String streamId,
        Optional<Instant> startFrom,
        Optional<Instant> startBefore,
        Set<FileFormat> formats,
        String storageSubApp,
        boolean newestFirst,
        long afterSeq,
        int limit) {}
