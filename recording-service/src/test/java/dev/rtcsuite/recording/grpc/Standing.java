package dev.rtcsuite.recording.grpc;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import dev.rtcsuite.recording.client.AppDirectory;
import dev.rtcsuite.recording.client.AppDirectory.AppStanding;
import java.time.ZoneId;
import java.util.Optional;

/** package-service's answers, as the tests need them. */
final class Standing {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Standing() {}

    static void everyAppInService(AppDirectory apps) {
        when(apps.find(anyLong()))
                .thenAnswer(
                        call ->
                                Optional.of(
                                        new AppStanding(
                                                call.getArgument(0),
                                                "account-1",
                                                true,
                                                "NONE",
                                                SHANGHAI)));
    }

    static void outOfService(AppDirectory apps, long app, String status) {
        when(apps.find(app))
                .thenReturn(
                        Optional.of(new AppStanding(app, "account-2", false, status, SHANGHAI)));
    }
}
