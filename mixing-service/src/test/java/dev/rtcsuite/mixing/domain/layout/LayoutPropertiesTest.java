package dev.rtcsuite.mixing.domain.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.Rect;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MIXING.md layout rules as properties over seeded random cases ({@link RandomLayouts}). */
@DisplayName("MIXING.md layout properties")
class LayoutPropertiesTest {

    static IntStream seeds() {
        return RandomLayouts.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void regionsStayInsideTheCanvasAndEachInputHasAtMostOne(int seed) {
        Layout layout = RandomLayouts.of(seed).layout();
        Canvas canvas = layout.canvas();

        assertThat(layout.regions())
                .allSatisfy(
                        r -> {
                            assertThat(r.rect().fitsIn(canvas.width(), canvas.height())).isTrue();
                            assertThat(r.rect().isEmpty()).isFalse();
                        });
        Set<StreamKey> shown = new HashSet<>();
        layout.regions().stream()
                .filter(r -> !r.userId().isEmpty())
                .forEach(
                        r ->
                                assertThat(shown.add(new StreamKey(r.userId(), r.streamType())))
                                        .isTrue());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void atMostSixteenInputsAreMixedAndMixFlagsMatchTheRegions(int seed) {
        RandomLayouts.Case c = RandomLayouts.of(seed);
        Layout layout = c.layout();

        assertThat(layout.mixedInputs()).hasSizeLessThanOrEqualTo(16);
        for (MixedInput input : layout.inputs()) {
            if (input.audioMixed()) {
                assertThat(input.input().hasAudio()).isTrue();
            }
            boolean drawn =
                    layout.regions().stream()
                            .anyMatch(
                                    r ->
                                            r.mixVideo()
                                                    && r.userId().equals(input.input().userId())
                                                    && r.streamType()
                                                            == input.input().streamType());
            assertThat(input.videoMixed()).isEqualTo(drawn);
            if (input.videoMixed()) {
                assertThat(input.input().hasVideo()).isTrue();
                if (!c.params().mixVideoUids().isEmpty()) {
                    assertThat(c.params().mixVideoUids()).contains(input.input().userId());
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tiledTemplatesNeverOverlapAndFullGridsCoverTheCanvas(int seed) {
        RandomLayouts.Case c = RandomLayouts.of(seed);
        Layout layout = c.layout();
        List<Rect> rects = layout.regions().stream().map(Region::rect).toList();
        LayoutTemplate template = c.params().template();

        if (template == LayoutTemplate.GRID || template == LayoutTemplate.SCREEN_SHARE) {
            LayoutGoldenTest.assertNoOverlaps(rects);
        }
        if (template == LayoutTemplate.FLOATING && !rects.isEmpty()) {
            LayoutGoldenTest.assertNoOverlaps(rects.subList(1, rects.size()));
        }
        if (template == LayoutTemplate.GRID && List.of(1, 2, 4, 9, 16).contains(rects.size())) {
            assertThat(rects.stream().mapToLong(Rect::area).sum())
                    .isEqualTo((long) layout.canvas().width() * layout.canvas().height());
        }
        if (template == LayoutTemplate.GRID && rects.size() > 1) {
            // Cells are equal to within the one pixel that rounding of shared edges allows.
            int minWidth = rects.stream().mapToInt(Rect::width).min().orElseThrow();
            int maxWidth = rects.stream().mapToInt(Rect::width).max().orElseThrow();
            assertThat(maxWidth - minWidth).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theEngineIsAPureFunction(int seed) {
        assertThat(RandomLayouts.of(seed).layout()).isEqualTo(RandomLayouts.of(seed).layout());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void drawingOrderIsByZ(int seed) {
        List<Region> regions = RandomLayouts.of(seed).layout().regions();

        for (int i = 1; i < regions.size(); i++) {
            assertThat(regions.get(i).z()).isGreaterThanOrEqualTo(regions.get(i - 1).z());
        }
    }
}
