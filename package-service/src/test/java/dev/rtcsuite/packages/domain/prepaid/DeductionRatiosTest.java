package dev.rtcsuite.packages.domain.prepaid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.packages.domain.usage.ResolutionTier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC P-2, P-3: package minutes per usage minute. */
class DeductionRatiosTest {

    @ParameterizedTest(name = "1 {0} minute uses {1} general / {2} trial package minutes")
    @CsvSource({
        "AUDIO, 1,  1",
        "SD,    2,  1",
        "HD,    4,  1",
        "FHD,   9,  1",
        "QHD,   16, 1",
        "UHD,   36, 1",
    })
    void generalIsOneTwoFourNineSixteenThirtySixAndTrialIsOneForAll(
            ResolutionTier tier, int general, int trial) {
        assertThat(DeductionRatios.GENERAL.packageMinutesPer(tier)).isEqualTo(general);
        assertThat(DeductionRatios.TRIAL.packageMinutesPer(tier)).isEqualTo(trial);
    }

    @ParameterizedTest
    @CsvSource({"GENERAL", "OFFER", "GIFT", "CONVERTED"})
    void everyKindButTheTrialDeductsAtGeneralRatios(PackageKind kind) {
        assertThat(kind.ratios()).isEqualTo(DeductionRatios.GENERAL);
        assertThat(PackageKind.FREE_TRIAL.ratios()).isEqualTo(DeductionRatios.TRIAL);
    }
}
