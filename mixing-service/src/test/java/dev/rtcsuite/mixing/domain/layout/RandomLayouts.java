package dev.rtcsuite.mixing.domain.layout;

import dev.rtcsuite.mixing.domain.StreamKey;
import dev.rtcsuite.mixing.domain.StreamType;
import dev.rtcsuite.mixing.domain.params.AudioSlotMode;
import dev.rtcsuite.mixing.domain.params.LayoutParams;
import dev.rtcsuite.mixing.domain.params.LayoutTemplate;
import dev.rtcsuite.mixing.domain.params.MixInputType;
import dev.rtcsuite.mixing.domain.params.PresetSlot;
import dev.rtcsuite.mixing.domain.params.Rect;
import dev.rtcsuite.mixing.domain.params.RenderMode;
import dev.rtcsuite.mixing.domain.params.SmallVideo;
import dev.rtcsuite.mixing.domain.params.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Seeded random, valid layout cases for the property tests (reproducible from the seed). */
public final class RandomLayouts {

    /** A case: the engine's three arguments. */
    public record Case(LayoutParams params, Canvas canvas, List<MixInput> inputs) {
        public Layout layout() {
            return LayoutEngine.compute(params, canvas, inputs);
        }
    }

    private RandomLayouts() {}

    public static IntStream seeds() {
        return IntStream.range(0, 300);
    }

    public static Case of(int seed) {
        Random random = new Random(seed);
        Canvas canvas =
                new Canvas(
                        2 * (1 + random.nextInt(960)),
                        2 * (1 + random.nextInt(540)),
                        random.nextInt(0x1_000_000),
                        "");
        List<MixInput> inputs = inputs(random, random.nextInt(21));
        LayoutTemplate template = LayoutTemplate.values()[random.nextInt(5)];
        LayoutParams params =
                LayoutParams.of(template)
                        .withAudioSlotMode(AudioSlotMode.values()[random.nextInt(3)])
                        .withRightAlign(random.nextBoolean());
        if (!inputs.isEmpty() && random.nextBoolean()) {
            params = params.withMain(inputs.get(random.nextInt(inputs.size())).key());
        }
        if (random.nextInt(4) == 0 && !inputs.isEmpty()) {
            params =
                    params.withMixVideoUids(
                            inputs.stream()
                                    .map(MixInput::userId)
                                    .distinct()
                                    .filter(u -> random.nextBoolean())
                                    .limit(16)
                                    .toList());
        }
        if (template == LayoutTemplate.PICTURE_IN_PICTURE) {
            StreamKey small =
                    inputs.isEmpty() || random.nextInt(5) == 0
                            ? new StreamKey("absent", StreamType.MAIN)
                            : inputs.get(random.nextInt(inputs.size())).key();
            if (params.mainStream().map(small::equals).orElse(false)) {
                params = LayoutParams.of(template).withAudioSlotMode(params.audioSlotMode());
            }
            params = params.withSmallVideo(new SmallVideo(small, rect(random, canvas)));
        }
        if (template == LayoutTemplate.CUSTOM) {
            params = params.withPresets(presets(random, canvas, inputs), random.nextBoolean());
        }
        if (random.nextBoolean()) {
            params =
                    params.withWatermark(
                            new Watermark("https://img.example.com/wm.png", rect(random, canvas)));
        }
        return new Case(params, canvas, inputs);
    }

    private static List<MixInput> inputs(Random random, int count) {
        List<MixInput> inputs = new ArrayList<>();
        for (int i = 0; inputs.size() < count; i++) {
            String user = "user" + i;
            boolean video = random.nextInt(4) > 0;
            int width = video ? 2 * (1 + random.nextInt(960)) : 0;
            int height = video ? 2 * (1 + random.nextInt(540)) : 0;
            inputs.add(
                    new MixInput(
                            user,
                            StreamType.MAIN,
                            video ? random.nextInt(5) > 0 : true,
                            video,
                            width,
                            height));
            if (random.nextInt(6) == 0 && inputs.size() < count) {
                inputs.add(new MixInput(user, StreamType.AUX, false, true, 1920, 1080));
            }
        }
        return inputs;
    }

    private static List<PresetSlot> presets(Random random, Canvas canvas, List<MixInput> inputs) {
        List<PresetSlot> slots = new ArrayList<>();
        List<StreamKey> reserved = new ArrayList<>();
        int count = 1 + random.nextInt(16);
        for (int i = 0; i < count; i++) {
            String user = "";
            StreamType type = StreamType.MAIN;
            if (random.nextInt(3) == 0) {
                StreamKey key =
                        inputs.isEmpty() || random.nextInt(4) == 0
                                ? new StreamKey("absent" + i, StreamType.MAIN)
                                : inputs.get(random.nextInt(inputs.size())).key();
                if (!reserved.contains(key)) {
                    reserved.add(key);
                    user = key.userId();
                    type = key.type();
                }
            }
            slots.add(
                    new PresetSlot(
                            user,
                            type,
                            rect(random, canvas),
                            random.nextInt(16),
                            RenderMode.values()[random.nextInt(3)],
                            MixInputType.values()[random.nextInt(3)],
                            random.nextBoolean() ? "https://img.example.com/p" + i + ".png" : ""));
        }
        return slots;
    }

    private static Rect rect(Random random, Canvas canvas) {
        int width = 1 + random.nextInt(canvas.width());
        int height = 1 + random.nextInt(canvas.height());
        return new Rect(
                random.nextInt(canvas.width() - width + 1),
                random.nextInt(canvas.height() - height + 1),
                width,
                height);
    }
}
