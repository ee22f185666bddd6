package dev.rtcsuite.mixing.domain.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.LayoutEngine;
import dev.rtcsuite.mixing.domain.layout.LayoutFixtures;
import dev.rtcsuite.mixing.domain.layout.RandomLayouts;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The render plan's text: exact for a small case, well-formed for every random case. */
class RenderPlanShapeTest {

    private static final Pattern LABEL = Pattern.compile("\\[([A-Za-z0-9_:]+)]");

    @Test
    void gridOfTwoIsTwoCroppedPicturesOnTheBackgroundAndTheirAudioSummed() {
        Layout layout =
                LayoutEngine.compute(
                        LayoutParams.of(LayoutTemplate.GRID),
                        new Canvas(1280, 720, 0x112233, ""),
                        LayoutFixtures.cameras(2));

        assertThat(FfmpegRenderPlan.of(layout, FfmpegRenderPlan.Settings.DEFAULT).filterComplex())
                .isEqualTo(
                        String.join(
                                ";",
                                "color=c=0x112233:s=1280x720:r=15[bg0]",
                                "[0:v]scale=640:720:force_original_aspect_ratio=increase,crop=640:720,setsar=1[r1]",
                                "[bg0][r1]overlay=x=0:y=0[v2]",
                                "[1:v]scale=640:720:force_original_aspect_ratio=increase,crop=640:720,setsar=1[r3]",
                                "[v2][r3]overlay=x=640:y=0[v4]",
                                "[v4]format=yuv420p[vout]",
                                "[0:a][1:a]amix=inputs=2:duration=longest:normalize=0,aresample=48000,"
                                        + "aformat=sample_fmts=fltp:channel_layouts=stereo[aout]"));
    }

    static IntStream seeds() {
        return RandomLayouts.seeds();
    }

    /**
     * Every intermediate label is produced once and consumed once; streams referenced are mixed
     * inputs, images are numbered after them.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyLabelIsProducedOnceAndConsumedOnce(int seed) {
        RandomLayouts.Case c = RandomLayouts.of(seed);
        Layout layout = c.layout();
        RenderPlan plan = FfmpegRenderPlan.of(layout, FfmpegRenderPlan.Settings.DEFAULT);

        Map<String, Integer> produced = new HashMap<>();
        Map<String, Integer> consumed = new HashMap<>();
        for (String chain : plan.filterComplex().split(";")) {
            if (chain.isEmpty()) {
                continue;
            }
            Matcher m = LABEL.matcher(chain);
            boolean leading = true;
            int end = 0;
            while (m.find()) {
                boolean atStart = m.start() == end && leading;
                (atStart ? consumed : produced).merge(m.group(1), 1, Integer::sum);
                end = m.end();
                leading = atStart;
            }
        }
        produced.forEach((label, n) -> assertThat(n).as(label).isEqualTo(1));
        consumed.forEach(
                (label, n) -> {
                    if (label.contains(":")) {
                        int input = Integer.parseInt(label.substring(0, label.indexOf(':')));
                        if (input < layout.inputs().size()) {
                            assertThat(layout.inputs().get(input).isMixed()).as(label).isTrue();
                        } else {
                            assertThat(input - layout.inputs().size())
                                    .isLessThan(plan.images().size());
                        }
                    } else {
                        assertThat(n).as(label).isEqualTo(1);
                        assertThat(produced).containsKey(label);
                    }
                });
        produced.keySet().stream()
                .filter(l -> !l.equals("vout") && !l.equals("aout"))
                .forEach(l -> assertThat(consumed).containsKey(l));
        assertThat(plan.hasVideo()).isEqualTo(layout.canvas().hasPicture());
        assertThat(plan.hasAudio())
                .isEqualTo(layout.inputs().stream().anyMatch(i -> i.audioMixed()));
    }
}
