package dev.rtcsuite.rating.domain.base;

import static dev.rtcsuite.rating.domain.RatingFixtures.CALENDAR;
import static dev.rtcsuite.rating.domain.RatingFixtures.DAY;
import static dev.rtcsuite.rating.domain.RatingFixtures.at;
import static dev.rtcsuite.rating.domain.RatingFixtures.billOf;
import static dev.rtcsuite.rating.domain.RatingFixtures.cny;
import static dev.rtcsuite.rating.domain.RatingFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import dev.rtcsuite.rating.domain.BillableItem;
import dev.rtcsuite.rating.domain.ChargeKey;
import dev.rtcsuite.rating.domain.Money;
import dev.rtcsuite.rating.domain.StreamType;
import dev.rtcsuite.rating.domain.TimeSpan;
import dev.rtcsuite.rating.domain.TimedUsage;
import dev.rtcsuite.rating.domain.accumulation.SubjectUsage;
import dev.rtcsuite.rating.domain.bill.BillLine;
import dev.rtcsuite.rating.domain.price.EffectivePrices;
import dev.rtcsuite.rating.domain.price.ListPrices;
import dev.rtcsuite.rating.domain.tier.RatedTier;
import dev.rtcsuite.rating.domain.tier.Resolution;
import dev.rtcsuite.rating.domain.tier.ResolutionTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SPEC R-3: base service — audio and video seconds of each receiving user")
class BaseServiceRaterTest {

    private static final String ROOM = "room-1";
    private static final Resolution SD_360P = Resolution.of(640, 360);
    private static final Resolution SD_480P = Resolution.of(640, 480);
    private static final Resolution HD_720P = Resolution.of(1280, 720);
    private static final Resolution FHD_1080P = Resolution.of(1920, 1080);
    private static final ChargeKey AUDIO = ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.AUDIO);
    private static final ChargeKey SD = key(ResolutionTier.SD);
    private static final ChargeKey HD = key(ResolutionTier.HD);
    private static final ChargeKey FHD = key(ResolutionTier.FHD);
    private static final EffectivePrices PRICES = ListPrices.effective();

    private final List<Presence> presences = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    @Test
    @DisplayName("R-3 example 1: A, B, C audio only for 30 min → 90 audio minutes → 0.63")
    void example1AudioOnlyRoom() {
        for (String user : List.of("A", "B", "C")) {
            present(user, "00:00", "00:30");
            for (String sender : List.of("A", "B", "C")) {
                if (!sender.equals(user)) {
                    receive(user, sender, StreamType.MAIN, Resolution.NONE, "00:00", "00:30");
                }
            }
        }

        List<TimedUsage> usages = rate();

        assertThat(billOf(usages).line(AUDIO).orElseThrow().minutes()).isEqualTo(90);
        assertThat(roomTotal(usages)).isEqualTo(cny("0.63000000"));
    }

    @Test
    @DisplayName(
            "R-3 example 2: A 640×360 and B 1920×1080 subscribe each other → 1.89 + 0.42 = 2.31")
    void example2TwoVideoUsers() {
        present("A", "00:00", "00:30");
        present("B", "00:00", "00:30");
        receive("A", "B", StreamType.MAIN, FHD_1080P, "00:00", "00:30");
        receive("B", "A", StreamType.MAIN, SD_360P, "00:00", "00:30");

        List<TimedUsage> usages = rate();

        assertThat(secondsOf("A", usages)).containsExactly(entry(FHD, 1800L));
        assertThat(secondsOf("B", usages)).containsExactly(entry(SD, 1800L));
        assertThat(paidBy("A", usages)).isEqualTo(cny("1.89000000"));
        assertThat(paidBy("B", usages)).isEqualTo(cny("0.42000000"));
        assertThat(roomTotal(usages)).isEqualTo(cny("2.31000000"));
    }

    @Test
    @DisplayName(
            "R-3 example 3: A 640×360, B audio only, C 1920×1080, all subscribe all → 2.10 + 2.31"
                    + " + 0.63 = 5.04")
    void example3MixedRoom() {
        Resolution[] sent = {SD_360P, Resolution.NONE, FHD_1080P};
        String[] users = {"A", "B", "C"};
        for (int receiver = 0; receiver < 3; receiver++) {
            present(users[receiver], "00:00", "00:30");
            for (int sender = 0; sender < 3; sender++) {
                if (sender != receiver) {
                    receive(
                            users[receiver],
                            users[sender],
                            StreamType.MAIN,
                            sent[sender],
                            "00:00",
                            "00:30");
                }
            }
        }

        List<TimedUsage> usages = rate();

        assertThat(secondsOf("A", usages)).containsExactly(entry(AUDIO, 1800L), entry(FHD, 1800L));
        assertThat(paidBy("A", usages)).isEqualTo(cny("2.10000000"));
        assertThat(paidBy("B", usages)).isEqualTo(cny("2.31000000"));
        assertThat(paidBy("C", usages)).isEqualTo(cny("0.63000000"));
        assertThat(roomTotal(usages)).isEqualTo(cny("5.04000000"));
    }

    @Test
    @DisplayName(
            "R-3 example 4 (handbook screen-share FAQ): teacher camera SD + screen HD, student"
                    + " camera SD → 0.42 + 1.26 = 1.68")
    void example4ScreenShareIsAStreamOfItsOwn() {
        present("A", "00:00", "00:30");
        present("B", "00:00", "00:30");
        receive("A", "B", StreamType.MAIN, SD_480P, "00:00", "00:30");
        receive("B", "A", StreamType.MAIN, SD_480P, "00:00", "00:30");
        receive("B", "A", StreamType.AUX, HD_720P, "00:00", "00:30");

        List<TimedUsage> usages = rate();

        assertThat(secondsOf("B", usages)).containsExactly(entry(SD, 1800L), entry(HD, 1800L));
        assertThat(paidBy("A", usages)).isEqualTo(cny("0.42000000"));
        assertThat(paidBy("B", usages)).isEqualTo(cny("1.26000000"));
        assertThat(roomTotal(usages)).isEqualTo(cny("1.68000000"));
    }

    @Test
    @DisplayName(
            "R-3 example 5: in the room 00:00–00:50, video for 15 min → 15 video + 35 audio min")
    void example5VideoForPartOfTheStay() {
        present("A", "00:00", "00:50");
        receive("A", "B", StreamType.MAIN, SD_360P, "00:10", "00:25");

        assertThat(secondsOf("A", rate()))
                .containsExactly(entry(AUDIO, 35 * 60L), entry(SD, 15 * 60L));
    }

    @Test
    @DisplayName("R-3 example 5, variant: the picture is lost for 35 of the 50 subscribed minutes")
    void example5PictureLostForPartOfTheSubscription() {
        present("A", "00:00", "00:50");
        receive("A", "B", StreamType.MAIN, Resolution.NONE, "00:00", "00:20");
        receive("A", "B", StreamType.MAIN, SD_360P, "00:20", "00:35");
        receive("A", "B", StreamType.MAIN, Resolution.NONE, "00:35", "00:50");

        assertThat(secondsOf("A", rate()))
                .containsExactly(entry(AUDIO, 35 * 60L), entry(SD, 15 * 60L));
    }

    @Test
    void aUserAloneInTheRoomCountsAudio() {
        present("A", "10:00", "10:07");

        assertThat(secondsOf("A", rate())).containsExactly(entry(AUDIO, 7 * 60L));
    }

    @Test
    void aStreamWithoutPictureNextToVideoStreamsAddsOneAudioSecond() {
        present("A", "00:00", "00:10");
        receive("A", "B", StreamType.MAIN, FHD_1080P, "00:00", "00:10");
        receive("A", "C", StreamType.MAIN, FHD_1080P, "00:00", "00:10");
        receive("A", "D", StreamType.MAIN, Resolution.NONE, "00:00", "00:10");
        receive("A", "E", StreamType.MAIN, Resolution.NONE, "00:00", "00:10");

        assertThat(secondsOf("A", rate())).containsExactly(entry(AUDIO, 600L), entry(FHD, 1200L));
    }

    @Test
    void subscriptionsCountOnlyWhileTheReceiverIsPresent() {
        present("A", "00:10", "00:20");
        receive("A", "B", StreamType.MAIN, SD_360P, "00:00", "00:30");

        assertThat(secondsOf("A", rate())).containsExactly(entry(SD, 600L));
    }

    @Test
    void enteringAndLeavingManyTimesAddsUpEverySegment() {
        present("A", "00:00", "00:05");
        present("A", "01:00", "01:05:30");
        present("A", "02:00", "02:00:01");

        assertThat(secondsOf("A", rate())).containsExactly(entry(AUDIO, 300L + 330L + 1L));
    }

    @Test
    void overlappingReportsOfOneStreamCountItOnceAtTheLargerPicture() {
        present("A", "00:00", "00:10");
        present("A", "00:05", "00:10");
        receive("A", "B", StreamType.MAIN, SD_360P, "00:00", "00:10");
        receive("A", "B", StreamType.MAIN, HD_720P, "00:05", "00:10");

        assertThat(secondsOf("A", rate())).containsExactly(entry(SD, 300L), entry(HD, 300L));
    }

    @Test
    void videoAboveThe4kBoundIsRatedUhdAndFlagged() {
        present("A", "00:00", "00:01");
        receive("A", "B", StreamType.MAIN, Resolution.of(7680, 4320), "00:00", "00:01");

        assertThat(secondsOf("A", rate()))
                .containsExactly(
                        entry(
                                ChargeKey.of(
                                        BillableItem.BASE_SERVICE,
                                        new RatedTier.Tiered(ResolutionTier.UHD, true)),
                                60L));
    }

    @Test
    @DisplayName("R-3: a session crossing midnight is split at the billing-day boundary")
    void aSessionCrossingMidnightIsKeyedByBillingDay() {
        TimeSpan lateCall = TimeSpan.between(at("23:40"), at("23:40").plus(Duration.ofMinutes(30)));
        presences.add(new Presence(ROOM, "A", lateCall));
        subscriptions.add(new Subscription(ROOM, "A", "B", StreamType.MAIN, SD_360P, lateCall));

        List<SubjectUsage> byDay = SubjectUsage.of(rate(), CALENDAR);

        assertThat(byDay)
                .containsExactly(
                        new SubjectUsage("A", DAY, SD, 20 * 60L),
                        new SubjectUsage("A", DAY.plusDays(1), SD, 10 * 60L));
    }

    @Test
    void aUserCannotSubscribeToItself() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new Subscription(
                                        ROOM,
                                        "A",
                                        "A",
                                        StreamType.MAIN,
                                        SD_360P,
                                        span("00:00", "00:01")));
    }

    private static ChargeKey key(ResolutionTier tier) {
        return ChargeKey.of(BillableItem.BASE_SERVICE, RatedTier.of(tier));
    }

    private void present(String user, String from, String to) {
        presences.add(new Presence(ROOM, user, span(from, to)));
    }

    private void receive(
            String receiver,
            String sender,
            StreamType stream,
            Resolution resolution,
            String from,
            String to) {
        subscriptions.add(
                new Subscription(ROOM, receiver, sender, stream, resolution, span(from, to)));
    }

    private List<TimedUsage> rate() {
        return BaseServiceRater.rate(presences, subscriptions);
    }

    private static Map<ChargeKey, Long> secondsOf(String user, List<TimedUsage> usages) {
        return SubjectUsage.secondsOf(SubjectUsage.of(usages, CALENDAR), user, DAY);
    }

    /** What one user pays: the user's seconds per charge rounded up to minutes and priced. */
    private static Money paidBy(String user, List<TimedUsage> usages) {
        return secondsOf(user, usages).entrySet().stream()
                .map(e -> BillLine.ofSeconds(e.getKey(), e.getValue(), PRICES.quote(e.getKey())))
                .map(BillLine::amount)
                .reduce(Money.zero(Money.CNY), Money::plus);
    }

    private static Money roomTotal(List<TimedUsage> usages) {
        return billOf(usages).total(Money.CNY).exact();
    }
}
