package dev.rtcsuite.recording.grpc;

import dev.rtcsuite.platform.grpc.GrpcCalls;
import dev.rtcsuite.recording.application.RecordingConfigs;
import dev.rtcsuite.recording.v1.GetRecordingConfigRequest;
import dev.rtcsuite.recording.v1.GetRecordingConfigResponse;
import dev.rtcsuite.recording.v1.MutinyRecordingServiceGrpc;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The recording-service v1 API. GetRecordingConfig is served; the other RPCs answer UNIMPLEMENTED
 * until issue #5 brings recording tasks end to end.
 */
@GrpcService
public class RecordingGrpcService extends MutinyRecordingServiceGrpc.RecordingServiceImplBase {

    private final RecordingConfigs configs;
    private final GrpcCalls calls;

    public RecordingGrpcService(RecordingConfigs configs, GrpcCalls calls) {
        this.configs = configs;
        this.calls = calls;
    }

    @Override
    public Uni<GetRecordingConfigResponse> getRecordingConfig(GetRecordingConfigRequest request) {
        return calls.answer(
                () ->
                        GetRecordingConfigResponse.newBuilder()
                                .setConfig(
                                        RecordingProtoMapper.toProto(
                                                configs.config(request.getSdkAppId())))
                                .build());
    }
}
