package dev.rtcsuite.recording.domain.files;

import static dev.rtcsuite.recording.domain.FileFormat.HLS;
import static dev.rtcsuite.recording.domain.task.Tasks.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.recording.domain.task.Tasks;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC C-4: the four naming cases, times in the billing time zone. */
class FileNamesTest {

    private static final java.time.Instant END = T0.plusSeconds(1_805);

    @Test
    void userDefineRecordIdComesFirst() {
        assertThat(
                        FileNames.name(
                                Tasks.single("t", List.of(HLS), 120, 0, "custom", "class42"),
                                T0,
                                END,
                                FileNames.DEFAULT_ZONE))
                .isEqualTo("class42_2024-05-01-10-00-00_2024-05-01-10-30-05");
    }

    @Test
    void elseTheStreamId() {
        assertThat(
                        FileNames.name(
                                Tasks.single("t", List.of(HLS), 120, 0, "custom", ""),
                                T0,
                                END,
                                FileNames.DEFAULT_ZONE))
                .isEqualTo("custom_2024-05-01-10-00-00_2024-05-01-10-30-05");
    }

    @Test
    void elseTheDefaultStreamIdOfAppRoomUserAndStreamType() {
        assertThat(
                        FileNames.name(
                                Tasks.single(List.of(HLS), 120, 0),
                                T0,
                                END,
                                FileNames.DEFAULT_ZONE))
                .isEqualTo("1400000001_1234_alice_main_2024-05-01-10-00-00_2024-05-01-10-30-05");
    }

    @Test
    void mixedRecordingsUseTheRecordId() {
        assertThat(
                        FileNames.name(
                                Tasks.mixed("rec_7", List.of(HLS), false),
                                T0,
                                END,
                                FileNames.DEFAULT_ZONE))
                .isEqualTo("rec_7_2024-05-01-10-00-00_2024-05-01-10-30-05");
    }

    @Test
    void timesAreInTheAccountsBillingTimeZone() {
        assertThat(
                        FileNames.name(
                                Tasks.mixed("r", List.of(HLS), false),
                                T0,
                                END,
                                ZoneId.of("Europe/Berlin")))
                .isEqualTo("r_2024-05-01-04-00-00_2024-05-01-04-30-05");
    }
}
