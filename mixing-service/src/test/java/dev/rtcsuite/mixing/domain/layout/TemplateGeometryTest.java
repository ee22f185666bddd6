package dev.rtcsuite.mixing.domain.layout;

import static dev.rtcsuite.mixing.domain.layout.LayoutFixtures.LANDSCAPE;
import static dev.rtcsuite.mixing.domain.layout.LayoutFixtures.PORTRAIT;
import static dev.rtcsuite.mixing.domain.layout.LayoutFixtures.cameras;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** MIXING.md geometry rules, each with rectangles computed by hand from the formulas. */
@DisplayName("MIXING.md layout templates, hand-computed")
class TemplateGeometryTest {

    private static Layout layout(LayoutParams params, Canvas canvas, List<MixInput> inputs) {
        return LayoutEngine.compute(params, canvas, inputs);
    }

    private static List<Rect> rects(Layout layout) {
        return layout.regions().stream().map(Region::rect).toList();
    }

    @Nested
    @DisplayName("template 0, floating")
    class Floating {

        @Test
        void firstUserCoversTheCanvasAndSmallWindowsFillFromTheBottomLeftFourPerRow() {
            Layout layout = layout(LayoutParams.DEFAULT, LANDSCAPE, cameras(6));

            // k = 0: x 0.012·1280 = 15.36 → 15, right 0.247·1280 = 316.16 → 316,
            //        y 0.753·720 = 542.16 → 542, bottom 0.988·720 = 711.36 → 711.
            // k = 1: x 0.259·1280 = 331.52 → 332, right 0.494·1280 = 632.32 → 632.
            // k = 2: x 0.506·1280 = 647.68 → 648, right 0.741·1280 = 948.48 → 948.
            // k = 4: row 1: y 0.506·720 = 364.32 → 364, bottom 0.741·720 = 533.52 → 534.
            assertThat(rects(layout))
                    .containsExactly(
                            new Rect(0, 0, 1280, 720),
                            Rect.between(15, 542, 316, 711),
                            Rect.between(332, 542, 632, 711),
                            Rect.between(648, 542, 948, 711),
                            Rect.between(964, 542, 1265, 711),
                            Rect.between(15, 364, 316, 534));
            assertThat(layout.regions()).extracting(Region::z).containsExactly(0, 1, 1, 1, 1, 1);
            assertThat(layout.regions())
                    .extracting(Region::userId)
                    .containsExactly("u01", "u02", "u03", "u04", "u05", "u06");
        }

        @Test
        void theMainUserTakesTheBigPictureWhereverHeEnteredAndTheOthersKeepEntryOrder() {
            LayoutParams params =
                    LayoutParams.DEFAULT.withMain(new StreamKey("u03", StreamType.MAIN));

            Layout layout = layout(params, LANDSCAPE, cameras(4));

            assertThat(layout.regions())
                    .extracting(Region::userId)
                    .containsExactly("u03", "u01", "u02", "u04");
            assertThat(layout.regions().getFirst().rect()).isEqualTo(new Rect(0, 0, 1280, 720));
        }

        @Test
        void anAbsentMainUserFallsBackToTheFirstToEnter() {
            LayoutParams params =
                    LayoutParams.DEFAULT.withMain(new StreamKey("gone", StreamType.MAIN));

            assertThat(layout(params, LANDSCAPE, cameras(2)).regions().getFirst().userId())
                    .isEqualTo("u01");
        }

        @Test
        void theFifteenthSmallWindowIsTheTopRowsLastAndNothingFollowsIt() {
            Layout layout = layout(LayoutParams.DEFAULT, LANDSCAPE, cameras(17));

            // k = 14: row 3, column 2: x 0.506·1280 = 647.68 → 648, y 0.012·720 = 8.64 → 9,
            // right 0.741·1280 = 948.48 → 948, bottom 0.247·720 = 177.84 → 178.
            assertThat(rects(layout)).hasSize(16).last().isEqualTo(Rect.between(648, 9, 948, 178));
            assertThat(layout.inputs().get(16).isMixed()).isFalse();
        }

        @Test
        void audioOnlyUsersHoldASlotByDefaultAndNoneWhenTheModeSaysNever() {
            List<MixInput> inputs =
                    List.of(
                            MixInput.camera("a", 640, 360),
                            MixInput.audioOnly("b"),
                            MixInput.camera("c", 640, 360));

            Layout holding = layout(LayoutParams.DEFAULT, LANDSCAPE, inputs);
            Layout never =
                    layout(
                            LayoutParams.DEFAULT.withAudioSlotMode(AudioSlotMode.NEVER),
                            LANDSCAPE,
                            inputs);

            assertThat(holding.regions())
                    .extracting(Region::userId, Region::mixVideo)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("a", true),
                            org.assertj.core.groups.Tuple.tuple("b", false),
                            org.assertj.core.groups.Tuple.tuple("c", true));
            assertThat(never.regions()).extracting(Region::userId).containsExactly("a", "c");
            assertThat(never.regions().get(1).rect()).isEqualTo(Rect.between(15, 542, 316, 711));
            assertThat(never.inputs().get(1).audioMixed()).as("b is still heard").isTrue();
        }

        @Test
        void mixVideoUidsLimitWhoIsSeenAndTheOthersAreHeardAsAudioOnlyUsers() {
            LayoutParams params =
                    LayoutParams.DEFAULT
                            .withMixVideoUids(List.of("u02"))
                            .withAudioSlotMode(AudioSlotMode.NEVER);

            Layout layout = layout(params, LANDSCAPE, cameras(3));

            assertThat(layout.regions()).extracting(Region::userId).containsExactly("u02");
            assertThat(layout.inputs()).allSatisfy(i -> assertThat(i.audioMixed()).isTrue());
            assertThat(layout.inputs())
                    .extracting(MixedInput::videoMixed)
                    .containsExactly(false, true, false);
        }
    }

    @Nested
    @DisplayName("template 1, grid")
    class Grid {

        private final LayoutParams grid = LayoutParams.of(LayoutTemplate.GRID);

        @Test
        void twoInputsSideBySideOnALandscapeCanvasAndStackedOnAPortraitOne() {
            assertThat(rects(layout(grid, LANDSCAPE, cameras(2))))
                    .containsExactly(new Rect(0, 0, 640, 720), new Rect(640, 0, 640, 720));
            assertThat(rects(layout(grid, PORTRAIT, cameras(2))))
                    .containsExactly(new Rect(0, 0, 608, 540), new Rect(0, 540, 608, 540));
        }

        @Test
        void threeInputsUseTwoByTwoWithTheLastRowCentred() {
            assertThat(rects(layout(grid, LANDSCAPE, cameras(3))))
                    .containsExactly(
                            new Rect(0, 0, 640, 360),
                            new Rect(640, 0, 640, 360),
                            new Rect(320, 360, 640, 360));
        }

        @Test
        void fiveInputsUseThreeByThreeWithEdgesRoundedSoCellsShareThem() {
            // Columns at round(k·1280/3): 0, 427, 853, 1280; rows at 0, 240, 480. The second
            // row's two cells start half a cell in: round(1280/6) = 213, round(3·1280/6) = 640,
            // round(5·1280/6) = 1067.
            assertThat(rects(layout(grid, LANDSCAPE, cameras(5))))
                    .containsExactly(
                            Rect.between(0, 0, 427, 240),
                            Rect.between(427, 0, 853, 240),
                            Rect.between(853, 0, 1280, 240),
                            Rect.between(213, 240, 640, 480),
                            Rect.between(640, 240, 1067, 480));
        }

        @Test
        void tenInputsUseFourByFourAndTheSeventeenthIsNotMixed() {
            assertThat(rects(layout(grid, LANDSCAPE, cameras(10))))
                    .hasSize(10)
                    .contains(new Rect(320, 360, 320, 180), new Rect(640, 360, 320, 180));
            Layout full = layout(grid, LANDSCAPE, cameras(17));
            assertThat(rects(full)).hasSize(16).last().isEqualTo(new Rect(960, 540, 320, 180));
            assertThat(full.inputs().get(16).isMixed()).isFalse();
        }
    }

    @Nested
    @DisplayName("template 2, screen share")
    class ScreenShare {

        private final LayoutParams share =
                LayoutParams.of(LayoutTemplate.SCREEN_SHARE)
                        .withMain(new StreamKey("teacher", StreamType.AUX));

        private final List<MixInput> classroom =
                List.of(
                        MixInput.camera("teacher", 1280, 720),
                        MixInput.screen("teacher", 1920, 1080),
                        MixInput.camera("s1", 640, 360),
                        MixInput.audioOnly("s2"),
                        MixInput.camera("s3", 640, 360));

        @Test
        void theSharedScreenFitsTheLeftHalfAndTheOthersFillTheInnerColumnTopDown() {
            Layout layout = layout(share, LANDSCAPE, classroom);

            assertThat(layout.regions())
                    .extracting(
                            Region::userId, Region::streamType, Region::rect, Region::renderMode)
                    .containsExactly(
                            tuple(
                                    "teacher",
                                    StreamType.MAIN,
                                    new Rect(640, 0, 320, 90),
                                    RenderMode.CROP),
                            tuple(
                                    "teacher",
                                    StreamType.AUX,
                                    new Rect(0, 0, 640, 720),
                                    RenderMode.FIT),
                            tuple(
                                    "s1",
                                    StreamType.MAIN,
                                    new Rect(640, 90, 320, 90),
                                    RenderMode.CROP),
                            tuple(
                                    "s3",
                                    StreamType.MAIN,
                                    new Rect(640, 180, 320, 90),
                                    RenderMode.CROP));
            assertThat(layout.inputs().get(3).audioMixed())
                    .as("s2 heard, no slot by default")
                    .isTrue();
        }

        @Test
        void rightAlignMirrorsEveryRectangle() {
            Layout left = layout(share, LANDSCAPE, classroom);
            Layout right = layout(share.withRightAlign(true), LANDSCAPE, classroom);

            assertThat(rects(right))
                    .containsExactlyElementsOf(
                            rects(left).stream().map(r -> r.mirrored(1280)).toList());
            assertThat(rects(right))
                    .contains(new Rect(640, 0, 640, 720), new Rect(320, 0, 320, 90));
        }

        @Test
        void theNinthOtherStartsTheOuterColumn() {
            Layout layout =
                    layout(LayoutParams.of(LayoutTemplate.SCREEN_SHARE), LANDSCAPE, cameras(16));

            assertThat(rects(layout).get(9)).isEqualTo(new Rect(960, 0, 320, 90));
            assertThat(rects(layout).getLast()).isEqualTo(new Rect(960, 540, 320, 90));
        }
    }

    @Nested
    @DisplayName("template 3, picture-in-picture")
    class PictureInPicture {

        @Test
        void theMainUserCoversTheCanvasTheSmallPictureSitsOnTopAndOthersAreHeardOnly() {
            LayoutParams params =
                    LayoutParams.of(LayoutTemplate.PICTURE_IN_PICTURE)
                            .withMain(new StreamKey("u02", StreamType.MAIN))
                            .withSmallVideo(
                                    new SmallVideo(
                                            new StreamKey("u03", StreamType.MAIN),
                                            new Rect(900, 20, 360, 202)));

            Layout layout = layout(params, LANDSCAPE, cameras(4));

            assertThat(layout.regions())
                    .extracting(Region::userId, Region::rect, Region::z)
                    .containsExactly(
                            tuple("u02", new Rect(0, 0, 1280, 720), 0),
                            tuple("u03", new Rect(900, 20, 360, 202), 1));
            assertThat(layout.inputs())
                    .extracting(MixedInput::audioMixed, MixedInput::videoMixed)
                    .containsExactly(
                            tuple(true, false),
                            tuple(true, true),
                            tuple(true, true),
                            tuple(true, false));
        }
    }

    @Nested
    @DisplayName("template 4, custom")
    class Custom {

        private final Rect left = new Rect(0, 0, 640, 720);
        private final Rect topRight = new Rect(640, 0, 640, 360);
        private final Rect bottomRight = new Rect(640, 360, 640, 360);

        private List<PresetSlot> slots() {
            List<PresetSlot> slots = new ArrayList<>();
            slots.add(slot("host", left, "https://img.example.com/host.png"));
            slots.add(slot("", topRight, "https://img.example.com/free.png"));
            slots.add(slot("", bottomRight, ""));
            return slots;
        }

        private static PresetSlot slot(String user, Rect rect, String placeholder) {
            return new PresetSlot(
                    user,
                    StreamType.MAIN,
                    rect,
                    0,
                    RenderMode.CROP,
                    MixInputType.AUDIO_VIDEO,
                    placeholder);
        }

        @Test
        void reservedEntriesWaitForTheirUserAndFreeEntriesFillInEntryOrder() {
            LayoutParams params =
                    LayoutParams.of(LayoutTemplate.CUSTOM).withPresets(slots(), false);
            List<MixInput> inputs =
                    List.of(
                            MixInput.camera("guest1", 640, 360),
                            MixInput.camera("host", 640, 360),
                            MixInput.camera("guest2", 640, 360),
                            MixInput.camera("guest3", 640, 360));

            Layout layout = layout(params, LANDSCAPE, inputs);

            assertThat(layout.regions())
                    .extracting(Region::userId, Region::rect)
                    .containsExactly(
                            tuple("guest1", topRight),
                            tuple("host", left),
                            tuple("guest2", bottomRight));
            assertThat(layout.inputs().get(3).isMixed())
                    .as("every entry is taken: guest3 is neither heard nor seen")
                    .isFalse();
        }

        @Test
        void withPlaceholdersAnAbsentReservedUserShowsHisImageAndWithoutThemTheBackground() {
            List<MixInput> inputs = List.of(MixInput.camera("guest1", 640, 360));

            Layout on =
                    layout(
                            LayoutParams.of(LayoutTemplate.CUSTOM).withPresets(slots(), true),
                            LANDSCAPE,
                            inputs);
            Layout off =
                    layout(
                            LayoutParams.of(LayoutTemplate.CUSTOM).withPresets(slots(), false),
                            LANDSCAPE,
                            inputs);

            assertThat(on.regions())
                    .extracting(Region::userId, Region::placeholder, Region::placeImageUrl)
                    .containsExactly(
                            tuple("guest1", false, ""),
                            tuple("host", true, "https://img.example.com/host.png"));
            assertThat(off.regions())
                    .extracting(Region::userId, Region::mixVideo, Region::placeholder)
                    .containsExactly(tuple("guest1", true, false), tuple("host", false, false));
        }

        @Test
        void anAudioOnlyEntryHearsItsUserWithoutShowingHimAndAVideoOnlyEntryTheOpposite() {
            List<PresetSlot> slots =
                    List.of(
                            new PresetSlot(
                                    "a",
                                    StreamType.MAIN,
                                    left,
                                    0,
                                    RenderMode.CROP,
                                    MixInputType.AUDIO_ONLY,
                                    ""),
                            new PresetSlot(
                                    "b",
                                    StreamType.MAIN,
                                    topRight,
                                    0,
                                    RenderMode.FIT,
                                    MixInputType.VIDEO_ONLY,
                                    ""));
            Layout layout =
                    layout(
                            LayoutParams.of(LayoutTemplate.CUSTOM).withPresets(slots, false),
                            LANDSCAPE,
                            List.of(
                                    MixInput.camera("a", 640, 360),
                                    MixInput.camera("b", 640, 360)));

            assertThat(layout.inputs())
                    .extracting(MixedInput::audioMixed, MixedInput::videoMixed)
                    .containsExactly(tuple(true, false), tuple(false, true));
        }

        @Test
        void higherZOrderIsDrawnLater() {
            List<PresetSlot> slots =
                    List.of(
                            new PresetSlot(
                                    "",
                                    StreamType.MAIN,
                                    topRight,
                                    5,
                                    RenderMode.CROP,
                                    MixInputType.AUDIO_VIDEO,
                                    ""),
                            new PresetSlot(
                                    "",
                                    StreamType.MAIN,
                                    left,
                                    0,
                                    RenderMode.CROP,
                                    MixInputType.AUDIO_VIDEO,
                                    ""));
            Layout layout =
                    layout(
                            LayoutParams.of(LayoutTemplate.CUSTOM).withPresets(slots, false),
                            LANDSCAPE,
                            cameras(2));

            assertThat(layout.regions())
                    .extracting(Region::userId, Region::z)
                    .containsExactly(tuple("u02", 0), tuple("u01", 5));
        }
    }

    @Test
    void anAudioOnlyOutputHasNoRegionsButHearsTheSameInputs() {
        Layout audio = layout(LayoutParams.DEFAULT, Canvas.NONE, cameras(17));

        assertThat(audio.regions()).isEmpty();
        assertThat(audio.inputs()).filteredOn(MixedInput::audioMixed).hasSize(16);
        assertThat(audio.inputs()).noneMatch(MixedInput::videoMixed);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
