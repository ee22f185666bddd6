package dev.rtcsuite.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy FIVE_SECONDS_TO_A_MINUTE =
            RetryPolicy.upTo(4, Duration.ofSeconds(5), Duration.ofMinutes(1));

    @Test
    void delaysDoubleUpToTheCapWithoutJitter() {
        assertThat(FIVE_SECONDS_TO_A_MINUTE.delayAfter(1, bound -> 0)).hasSeconds(5);
        assertThat(FIVE_SECONDS_TO_A_MINUTE.delayAfter(2, bound -> 0)).hasSeconds(10);
        assertThat(FIVE_SECONDS_TO_A_MINUTE.delayAfter(4, bound -> 0)).hasSeconds(40);
        assertThat(FIVE_SECONDS_TO_A_MINUTE.delayAfter(5, bound -> 0)).hasSeconds(60);
        assertThat(FIVE_SECONDS_TO_A_MINUTE.delayAfter(500, bound -> 0)).hasSeconds(60);
    }

    @Test
    void jitterAddsLessThanAFifth() {
        Duration withMostJitter = FIVE_SECONDS_TO_A_MINUTE.delayAfter(5, bound -> bound - 1);

        assertThat(withMostJitter).isEqualTo(Duration.ofSeconds(72));
    }

    @Test
    void attemptsAreCountedAgainstTheLimit() {
        assertThat(FIVE_SECONDS_TO_A_MINUTE.allowsAnotherAttempt(3)).isTrue();
        assertThat(FIVE_SECONDS_TO_A_MINUTE.allowsAnotherAttempt(4)).isFalse();
        assertThat(RetryPolicy.DEFAULT.allowsAnotherAttempt(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void nonsensePoliciesAreRefused() {
        assertThatThrownBy(() -> RetryPolicy.upTo(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.forever(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
