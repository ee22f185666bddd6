package dev.rtcsuite.rating.domain.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SPEC §0: resolution tiers by area, inclusive upper bounds")
class ResolutionTierTest {

    @ParameterizedTest(name = "{0}×{1} → {2}, above 4K {3}")
    @CsvSource({
        "0,    0,    AUDIO, false",
        "720,  360,  SD,    false",
        "640,  480,  SD,    false",
        "641,  480,  HD,    false",
        "1280, 720,  HD,    false",
        "1281, 720,  FHD,   false",
        "1920, 1080, FHD,   false",
        "1921, 1080, QHD,   false",
        "2560, 1440, QHD,   false",
        "2561, 1440, UHD,   false",
        "4096, 2176, UHD,   false",
        "4097, 2176, UHD,   true",
        "7680, 4320, UHD,   true",
    })
    void tierIsDecidedByAreaWithInclusiveBounds(
            int width, int height, ResolutionTier tier, boolean above4k) {
        RatedTier rated = RatedTier.of(Resolution.of(width, height));

        assertThat(rated).isEqualTo(new RatedTier.Tiered(tier, above4k));
    }

    @Test
    @DisplayName("720×360 is SD by area although one recording page calls it HD (SPEC §0)")
    void areaRuleDecidesOverTheContradictingSentence() {
        assertThat(ResolutionTier.of(Resolution.of(720, 360))).isEqualTo(ResolutionTier.SD);
    }

    @Test
    void portraitAndLandscapeOfTheSameAreaShareATier() {
        assertThat(ResolutionTier.of(Resolution.of(720, 1280)))
                .isEqualTo(ResolutionTier.of(Resolution.of(1280, 720)))
                .isEqualTo(ResolutionTier.HD);
    }

    @Test
    void aResolutionIsEitherNoPictureOrPositiveOnBothSides() {
        assertThatIllegalArgumentException().isThrownBy(() -> Resolution.of(640, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Resolution.of(-1, 480));
        assertThat(Resolution.NONE.hasPicture()).isFalse();
    }

    @Test
    void onlyUhdCanBeFlaggedAbove4k() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RatedTier.Tiered(ResolutionTier.QHD, true));
    }
}
