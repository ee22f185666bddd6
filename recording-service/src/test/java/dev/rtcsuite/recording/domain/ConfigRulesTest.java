package dev.rtcsuite.recording.domain;

import static dev.rtcsuite.recording.domain.FileFormat.AAC;
import static dev.rtcsuite.recording.domain.FileFormat.FLV;
import static dev.rtcsuite.recording.domain.FileFormat.HLS;
import static dev.rtcsuite.recording.domain.FileFormat.MP4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.platform.error.FieldViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC C-1: every range, each violation naming its field and the allowed range. */
class ConfigRulesTest {

    private static final RecordingConfig BASE =
            Configs.enabled(1_400_000_001L, RecordingMode.GLOBAL_AUTO, List.of(HLS));

    @Test
    void defaultsAreValid() {
        assertThat(ConfigRules.violations(RecordingConfig.defaults(1L))).isEmpty();
    }

    @Test
    void maxFileDurationIsFiveToOneHundredTwentyMinutes() {
        assertThat(fields(Configs.with(BASE, List.of(MP4), 4, 0, 0)))
                .containsExactly("config.max_file_duration_minutes");
        assertThat(fields(Configs.with(BASE, List.of(MP4), 5, 0, 0))).isEmpty();
        assertThat(fields(Configs.with(BASE, List.of(MP4), 120, 0, 0))).isEmpty();
        List<FieldViolation> tooLong =
                ConfigRules.violations(Configs.with(BASE, List.of(MP4), 121, 0, 0));
        assertThat(tooLong)
                .singleElement()
                .satisfies(v -> assertThat(v.description()).contains("5–120"));
    }

    @Test
    void retentionIsZeroToEighteenHundredDays() {
        assertThat(fields(Configs.with(BASE, List.of(HLS), 120, -1, 0)))
                .containsExactly("config.retention_days");
        assertThat(fields(Configs.with(BASE, List.of(HLS), 120, 0, 0))).isEmpty();
        assertThat(fields(Configs.with(BASE, List.of(HLS), 120, 1_800, 0))).isEmpty();
        assertThat(ConfigRules.violations(Configs.with(BASE, List.of(HLS), 120, 1_801, 0)))
                .singleElement()
                .satisfies(v -> assertThat(v.description()).contains("0–1800"));
    }

    @Test
    void resumeIsZeroToThreeHundredSecondsAndHlsOnly() {
        assertThat(fields(Configs.with(BASE, List.of(HLS), 120, 0, -1)))
                .containsExactly("config.resume_timeout_seconds");
        assertThat(fields(Configs.with(BASE, List.of(HLS), 120, 0, 300))).isEmpty();
        assertThat(fields(Configs.with(BASE, List.of(HLS), 120, 0, 301)))
                .containsExactly("config.resume_timeout_seconds");
        assertThat(fields(Configs.with(BASE, List.of(HLS, MP4), 120, 0, 60)))
                .containsExactly("config.resume_timeout_seconds");
        assertThat(fields(Configs.with(BASE, List.of(MP4), 120, 0, 0))).isEmpty();
    }

    @Test
    void formatsAreANonEmptySetWithoutDuplicates() {
        assertThat(fields(Configs.with(BASE, List.of(), 120, 0, 0)))
                .containsExactly("config.formats");
        assertThat(fields(Configs.with(BASE, List.of(MP4, MP4), 120, 0, 0)))
                .containsExactly("config.formats");
        assertThat(fields(Configs.with(BASE, List.of(HLS, MP4, FLV, AAC), 120, 0, 0))).isEmpty();
    }

    @Test
    void storageSubAppAndCallbackUrl() {
        assertThat(fields(Configs.withText(BASE, "a".repeat(64), "https://example.com/cb")))
                .isEmpty();
        assertThat(fields(Configs.withText(BASE, "a".repeat(65), "")))
                .containsExactly("config.storage_sub_app");
        assertThat(fields(Configs.withText(BASE, "bad app", "")))
                .containsExactly("config.storage_sub_app");
        assertThat(fields(Configs.withText(BASE, "", "ftp://example.com/cb")))
                .containsExactly("config.callback_url");
        assertThat(fields(Configs.withText(BASE, "", "http:///nohost")))
                .containsExactly("config.callback_url");
        assertThat(fields(Configs.withText(BASE, "", "http://example.com/" + "x".repeat(1_010))))
                .containsExactly("config.callback_url");
    }

    @Test
    void signingKeyIsSixteenToOneHundredTwentyEightCharactersOrEmpty() {
        assertThat(ConfigRules.signingKeyViolations("")).isEmpty();
        assertThat(ConfigRules.signingKeyViolations("k".repeat(16))).isEmpty();
        assertThat(ConfigRules.signingKeyViolations("k".repeat(128))).isEmpty();
        assertThat(ConfigRules.signingKeyViolations("k".repeat(15)))
                .extracting(FieldViolation::field)
                .containsExactly("callback_signing_key");
        assertThat(ConfigRules.signingKeyViolations("k".repeat(129))).hasSize(1);
    }

    /**
     * Property: in-range values never violate; one value pushed out of range names only its field.
     */
    @Test
    void randomConfigurationsInRangeAreValidAndOneOutOfRangeFieldIsNamedAlone() {
        Random random = new Random(5);
        List<FileFormat> all = List.of(HLS, MP4, FLV, AAC);
        for (int i = 0; i < 2_000; i++) {
            List<FileFormat> formats = new ArrayList<>(all);
            Collections.shuffle(formats, random);
            formats = formats.subList(0, 1 + random.nextInt(4));
            int minutes = 5 + random.nextInt(116);
            int retention = random.nextInt(1_801);
            int resume = formats.equals(List.of(HLS)) ? random.nextInt(301) : 0;
            RecordingConfig valid = Configs.with(BASE, formats, minutes, retention, resume);
            assertThat(ConfigRules.violations(valid)).isEmpty();

            switch (random.nextInt(3)) {
                case 0 ->
                        assertThat(
                                        fields(
                                                Configs.with(
                                                        BASE,
                                                        formats,
                                                        outside(random, 5, 120),
                                                        retention,
                                                        resume)))
                                .containsExactly("config.max_file_duration_minutes");
                case 1 ->
                        assertThat(
                                        fields(
                                                Configs.with(
                                                        BASE,
                                                        formats,
                                                        minutes,
                                                        outside(random, 0, 1_800),
                                                        resume)))
                                .containsExactly("config.retention_days");
                default ->
                        assertThat(
                                        fields(
                                                Configs.with(
                                                        BASE,
                                                        List.of(HLS),
                                                        minutes,
                                                        retention,
                                                        outside(random, 0, 300))))
                                .containsExactly("config.resume_timeout_seconds");
            }
        }
    }

    private static int outside(Random random, int min, int max) {
        return random.nextBoolean()
                ? min - 1 - random.nextInt(1_000)
                : max + 1 + random.nextInt(1_000);
    }

    private static List<String> fields(RecordingConfig config) {
        return ConfigRules.violations(config).stream().map(FieldViolation::field).toList();
    }
}
