package dev.rtcsuite.packages.grpc;

import dev.rtcsuite.packages.application.AccountRegistry;
import dev.rtcsuite.packages.application.StatusChanged;
import dev.rtcsuite.packages.application.StatusFeed;
import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.v1.WatchServiceStatusRequest;
import dev.rtcsuite.packages.v1.WatchServiceStatusResponse;
import dev.rtcsuite.platform.error.FieldChecks;
import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.platform.paging.PageRequest;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * WatchServiceStatus (SPEC P-6): the snapshot of the watched apps, then one message per app whose
 * status changed, on whichever replica it changed. Changes are subscribed to before the snapshot is
 * read, so none falls between; a status may then arrive twice, which callers resolve by as_of_time.
 */
@ApplicationScoped
class StatusWatches {

    private static final int MAX_APPS = 1000;

    private final AccountRegistry registry;
    private final StatusFeed feed;
    private final GrpcCalls calls;
    private final ExecutorService virtualThreads;

    StatusWatches(
            AccountRegistry registry,
            StatusFeed feed,
            GrpcCalls calls,
            @VirtualThreads ExecutorService virtualThreads) {
        this.registry = registry;
        this.feed = feed;
        this.calls = calls;
        this.virtualThreads = virtualThreads;
    }

    Multi<WatchServiceStatusResponse> watch(WatchServiceStatusRequest request) {
        Set<Long> apps = Set.copyOf(request.getSdkAppIdsList());
        Multi<WatchServiceStatusResponse> changes =
                feed.changes()
                        .onItem()
                        .transformToUniAndConcatenate(
                                change ->
                                        Uni.createFrom()
                                                .item(() -> changed(change, apps))
                                                .runSubscriptionOn(virtualThreads))
                        .onItem()
                        .disjoint();
        Multi<WatchServiceStatusResponse> snapshot =
                calls.answer(
                                () -> {
                                    new FieldChecks()
                                            .check(
                                                    apps.size() <= MAX_APPS,
                                                    "sdk_app_ids",
                                                    "at most " + MAX_APPS + " apps")
                                            .throwIfInvalid();
                                    return apps.stream()
                                            .sorted()
                                            .map(app -> message(app, true))
                                            .toList();
                                })
                        .onItem()
                        .transformToMulti(list -> Multi.createFrom().iterable(list));
        return Multi.createBy().merging().streams(snapshot, changes);
    }

    /** The apps a change concerns; after a gap in the notices, every watched app again. */
    private List<WatchServiceStatusResponse> changed(
            Optional<StatusChanged> notice, Set<Long> watched) {
        if (notice.isEmpty()) {
            return watched.stream().sorted().map(app -> message(app, false)).toList();
        }
        StatusChanged change = notice.get();
        List<Long> apps =
                change.sdkAppId().isPresent()
                        ? List.of(change.sdkAppId().getAsLong())
                        : registry
                                .apps(
                                        change.accountId().toString(),
                                        new PageRequest(0, PageRequest.MAX_SIZE))
                                .items()
                                .stream()
                                .map(App::sdkAppId)
                                .toList();
        return apps.stream()
                .filter(app -> watched.isEmpty() || watched.contains(app))
                .map(app -> message(app, false))
                .toList();
    }

    private WatchServiceStatusResponse message(long sdkAppId, boolean snapshot) {
        return WatchServiceStatusResponse.newBuilder()
                .setStatus(PackagesProtoMapper.toProto(registry.serviceStatus(sdkAppId)))
                .setSnapshot(snapshot)
                .build();
    }
}
