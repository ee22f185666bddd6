package dev.rtcsuite.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rtcsuite.platform.error.ErrorKind;
import dev.rtcsuite.platform.error.ServiceException;
import dev.rtcsuite.platform.testing.RpcError;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Load shedding: calls beyond the limit in flight are refused at once, UNAVAILABLE OVERLOADED. */
class CallLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.close();
    }

    @Test
    void aCallBeyondTheLimitIsRefusedAtOnceAndThePlaceIsFreeAgainWhenACallEnds() throws Exception {
        CallLimit limit = new CallLimit(2, meters);
        CountDownLatch running = new CountDownLatch(2);
        Future<String> first = threads.submit(() -> limit.run(() -> held(running, "first")));
        Future<String> second = threads.submit(() -> limit.run(() -> held(running, "second")));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(limit.inFlight()).isEqualTo(2);

        assertThatThrownBy(() -> limit.run(() -> "third"))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        refused -> {
                            assertThat(refused.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                            assertThat(refused.reason()).isEqualTo(ServiceException.OVERLOADED);
                            assertThat(refused.metadata()).containsEntry("maxInFlight", "2");
                        });

        assertThat(meters.counter("rtcsuite.grpc.calls.shed").count()).isEqualTo(1.0);
        assertThat(meters.get("rtcsuite.grpc.calls.in.flight").gauge().value()).isEqualTo(2.0);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(limit.run(() -> "fourth")).isEqualTo("fourth");
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aCallThatFailsGivesItsPlaceBack() {
        CallLimit limit = new CallLimit(1, meters);
        assertThatThrownBy(
                        () ->
                                limit.run(
                                        () -> {
                                            throw new IllegalStateException("boom");
                                        }))
                .hasMessage("boom");
        assertThat(limit.inFlight()).isZero();
        assertThat(limit.run(() -> "next")).isEqualTo("next");
    }

    @Test
    void anRpcBeyondTheLimitIsAnsweredUnavailableWithTheLimitNamed() throws Exception {
        GrpcCalls calls =
                new GrpcCalls("platform.rtcsuite.dev", null, threads, new CallLimit(1, meters));
        CountDownLatch running = new CountDownLatch(1);
        var held = calls.answer(() -> held(running, "held")).subscribeAsCompletionStage();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        StatusRuntimeException refused =
                catchThrowableOfType(
                        StatusRuntimeException.class,
                        () -> calls.answer(() -> "refused").await().atMost(Duration.ofSeconds(10)));

        RpcError error = RpcError.read(refused);
        assertThat(error.code()).isEqualTo(Code.UNAVAILABLE);
        assertThat(error.reason()).isEqualTo(ServiceException.OVERLOADED);
        assertThat(error.metadata()).isEqualTo(Map.of("maxInFlight", "1"));
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
    }

    private String held(CountDownLatch running, String answer) {
        running.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }
}
