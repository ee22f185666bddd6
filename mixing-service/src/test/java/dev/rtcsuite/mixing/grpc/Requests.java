package dev.rtcsuite.mixing.grpc;

import dev.rtcsuite.mixing.v1.EncodeParams;
import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.OutputParams;
import dev.rtcsuite.mixing.v1.StartMCUMixTranscodeRequest;
import dev.rtcsuite.mixing.v1.StopMCUMixTranscodeRequest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Request builders and fresh apps and rooms for the service tests. */
final class Requests {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Requests() {}

    static long newApp() {
        return 1_500_000_000L + IDS.incrementAndGet();
    }

    static int newRoom() {
        return (int) (IDS.incrementAndGet() % 2_000_000_000L) + 1;
    }

    static EncodeParams.Builder encode720p() {
        return EncodeParams.newBuilder()
                .setVideoWidth(1280)
                .setVideoHeight(720)
                .setVideoBitrate(1500)
                .setVideoFramerate(15);
    }

    static StartMCUMixTranscodeRequest.Builder start(long app, int room) {
        return StartMCUMixTranscodeRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSdkAppId(app)
                .setRoomId(room)
                .setOutputParams(OutputParams.newBuilder().setStreamId("mix_" + room))
                .setEncodeParams(encode720p())
                .setLayoutParams(LayoutParams.getDefaultInstance());
    }

    static StopMCUMixTranscodeRequest stop(long app, int room) {
        return StopMCUMixTranscodeRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSdkAppId(app)
                .setRoomId(room)
                .build();
    }
}
