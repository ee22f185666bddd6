package dev.rtcsuite.mixing.bench;

import dev.rtcsuite.mixing.domain.Room;
import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.layout.Canvas;
import dev.rtcsuite.mixing.domain.layout.Layout;
import dev.rtcsuite.mixing.domain.layout.LayoutEngine;
import dev.rtcsuite.mixing.domain.layout.MixInput;
import dev.rtcsuite.mixing.domain.params.AudioCodec;
import dev.rtcsuite.mixing.domain.params.EncodeParams;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.MixConfig;
import dev.rtcsuite.mixing.domain.params.MixInputType;
import dev.rtcsuite.mixing.domain.params.OutputParams;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import dev.rtcsuite.mixing.domain.params.SmallVideo;
import dev.rtcsuite.mixing.domain.params.VideoCodec;
import dev.rtcsuite.mixing.domain.preview.LayoutPicture;
import dev.rtcsuite.mixing.domain.render.FfmpegRenderPlan;
import dev.rtcsuite.mixing.domain.render.RenderPlan;
import dev.rtcsuite.mixing.domain.session.MixSession;
import dev.rtcsuite.mixing.domain.session.RoomState;
import dev.rtcsuite.mixing.domain.session.RoomStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A relayout of a 16-input room (SPEC M-4): the layout engine alone, with the render plan, and a
 * whole session relayout (new room state, layout, render plan, recording inputs and the closed
 * usage period), per template on a 1920 × 1080 canvas; and the PNG preview. Run: BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LayoutBenchmark {

    @Param({"FLOATING", "GRID", "SCREEN_SHARE", "PICTURE_IN_PICTURE", "CUSTOM"})
    public LayoutTemplate template;

    private LayoutParams params;
    private Canvas canvas;
    private List<MixInput> inputs;
    private MixSession session;
    private RoomState changed;
    private Layout layout;

    @Setup
    public void room() {
        canvas = new Canvas(1920, 1080, 0x101010, "");
        inputs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            inputs.add(MixInput.camera("user" + i, 1280, 720));
        }
        params = LayoutParams.of(template);
        if (template == LayoutTemplate.PICTURE_IN_PICTURE) {
            params =
                    params.withSmallVideo(
                            new SmallVideo(
                                    new StreamKey("user1", StreamType.MAIN),
                                    new Rect(1400, 40, 480, 270)));
        }
        if (template == LayoutTemplate.CUSTOM) {
            List<PresetSlot> slots = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                slots.add(
                        new PresetSlot(
                                k % 4 == 0 ? "user" + k : "",
                                StreamType.MAIN,
                                new Rect((k % 4) * 480, (k / 4) * 270, 480, 270),
                                k % 3,
                                RenderMode.CROP,
                                MixInputType.AUDIO_VIDEO,
                                "https://img.example.com/p.png"));
            }
            params = params.withPresets(slots, true);
        }
        MixConfig config =
                new MixConfig(
                        new OutputParams("bench", false, "rec", false),
                        new EncodeParams(
                                        0,
                                        0,
                                        0,
                                        AudioCodec.LC_AAC,
                                        1920,
                                        1080,
                                        3000,
                                        30,
                                        0,
                                        VideoCodec.H264,
                                        0x101010,
                                        "",
                                        0)
                                .withDefaults(),
                        params,
                        List.of());
        Instant t0 = Instant.parse("2026-11-30T02:00:00Z");
        session =
                MixSession.create(
                        "bench", 1, Room.numeric(1), config, state(inputs, 1, t0), List.of(), t0);
        List<MixInput> resized = new ArrayList<>(inputs);
        resized.set(7, MixInput.camera("user7", 1920, 1080));
        changed = state(resized, 2, t0.plusSeconds(30));
        layout = LayoutEngine.compute(params, canvas, inputs);
    }

    private static RoomState state(List<MixInput> inputs, long version, Instant at) {
        return new RoomState(
                inputs.stream().map(i -> new RoomStream(i, i.userId() + "_main")).toList(),
                false,
                false,
                version,
                at,
                false);
    }

    /** The layout engine: regions and mix flags for 16 inputs. */
    @Benchmark
    public Layout layout16() {
        return LayoutEngine.compute(params, canvas, inputs);
    }

    /** The layout and its FFmpeg render plan. */
    @Benchmark
    public RenderPlan layoutAndRenderPlan16() {
        return FfmpegRenderPlan.of(
                LayoutEngine.compute(params, canvas, inputs), FfmpegRenderPlan.Settings.DEFAULT);
    }

    /** What a relayout computes in the service: usage cut, new layout, render plan. */
    @Benchmark
    public RenderPlan sessionRelayout16() {
        MixSession.Metered metered = session.meter(changed.updateTime());
        return metered.session().relaidOut(changed, changed.updateTime()).renderPlan();
    }

    /** The 1920 × 1080 PNG preview with labels. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] png1080p() {
        return LayoutPicture.png(layout);
    }
}
