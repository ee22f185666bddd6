package dev.rtcsuite.mixing.grpc;

import dev.rtcsuite.mixing.v1.MixingServiceGrpc.MixingServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Test hygiene: sessions left live would tick on in later tests that move the clock. */
final class Sessions {

    private Sessions() {}

    static void stopIfLive(MixingServiceBlockingStub mixing, long app, int room) {
        try {
            mixing.stopMCUMixTranscode(Requests.stop(app, room));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
                throw e;
            }
        }
    }
}
