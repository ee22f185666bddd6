package dev.rtcsuite.mixing.domain.layout;

import static dev.rtcsuite.mixing.domain.layout.LayoutFixtures.cameras;
import static dev.rtcsuite.mixing.domain.layout.LayoutFixtures.goldenParams;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.Rect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MIXING.md geometry, golden: every template for N = 1, 2, 3, 4, 5, 9, 10, 16 and 17 inputs on a
 * landscape (1280 × 720) and a portrait (608 × 1080) canvas, compared line by line with {@code
 * src/test/resources/golden/<template>.txt} (reviewed by hand against the MIXING.md formulas; the
 * hand-computed cases of {@link TemplateGeometryTest} pin several lines). Regenerate after a
 * deliberate change with {@code -Dgolden.update=true} and review the diff.
 */
@DisplayName("MIXING.md layout geometry, golden files")
class LayoutGoldenTest {

    static final List<Integer> COUNTS = List.of(1, 2, 3, 4, 5, 9, 10, 16, 17);
    static final List<Canvas> CANVASES = List.of(LayoutFixtures.LANDSCAPE, LayoutFixtures.PORTRAIT);

    @ParameterizedTest
    @EnumSource(LayoutTemplate.class)
    void everyCountAndCanvasMatchesItsGoldenFile(LayoutTemplate template) throws IOException {
        StringBuilder actual = new StringBuilder();
        for (Canvas canvas : CANVASES) {
            for (int n : COUNTS) {
                Layout layout =
                        LayoutEngine.compute(goldenParams(template, canvas), canvas, cameras(n));
                actual.append("== %dx%d N=%d%n".formatted(canvas.width(), canvas.height(), n));
                actual.append(LayoutFixtures.describe(layout));
                checkInvariants(template, canvas, n, layout);
            }
        }
        Path golden =
                Path.of(
                        "src/test/resources/golden",
                        template.name().toLowerCase(Locale.ROOT) + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** What each template promises beyond the exact rectangles. */
    private static void checkInvariants(
            LayoutTemplate template, Canvas canvas, int n, Layout layout) {
        assertThat(layout.regions())
                .allSatisfy(
                        r -> assertThat(r.rect().fitsIn(canvas.width(), canvas.height())).isTrue());
        assertThat(layout.mixedInputs()).hasSize(Math.min(n, 16));
        if (n == 17) {
            MixedInput last = layout.inputs().get(16);
            assertThat(last.isMixed()).as("the 17th input is neither heard nor seen").isFalse();
        }
        List<Rect> rects = layout.regions().stream().map(Region::rect).toList();
        switch (template) {
            case GRID -> {
                assertNoOverlaps(rects);
                if (List.of(1, 2, 4, 9, 16).contains(Math.min(n, 16))) {
                    assertThat(rects.stream().mapToLong(Rect::area).sum())
                            .as("a full grid tiles the canvas")
                            .isEqualTo((long) canvas.width() * canvas.height());
                }
            }
            case SCREEN_SHARE -> {
                assertNoOverlaps(rects);
                assertThat(rects.getFirst().right())
                        .isEqualTo(rects.size() > 1 ? rects.get(1).x() : rects.getFirst().right());
            }
            case FLOATING -> assertNoOverlaps(rects.subList(1, rects.size()));
            default -> {}
        }
    }

    static void assertNoOverlaps(List<Rect> rects) {
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                assertThat(rects.get(i).overlaps(rects.get(j)))
                        .as("%s and %s overlap", rects.get(i), rects.get(j))
                        .isFalse();
            }
        }
    }
}
