package dev.rtcsuite.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC X-2: what a well-formed request id is (RequestIds.FORMAT says it to callers). */
class RequestIdsFormatTest {

    /** The rule as FORMAT states it, the reference for the hand-written check. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
                "deduct:1400000001:2026-12-01:FHD:17",
                "A.B_C:D-E",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void acceptsUpTo64LettersDigitsAndDotUnderscoreColonHyphen(String requestId) {
        assertThat(RequestIds.isWellFormed(requestId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "has space",
                "slash/",
                "é",
                "tab\t",
                "semi;colon"
            })
    void refusesEmptyLongerThan64OrAnyOtherCharacter(String requestId) {
        assertThat(RequestIds.isWellFormed(requestId)).isFalse();
    }

    @Test
    void agreesWithTheStatedRuleForEveryCharacterOfTheFirstPlane() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String id = "id" + c;
            assertThat(RequestIds.isWellFormed(id))
                    .as("U+%04X", (int) c)
                    .isEqualTo(RULE.matcher(id).matches());
        }
    }
}
