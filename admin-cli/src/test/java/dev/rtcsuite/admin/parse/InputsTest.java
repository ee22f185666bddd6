package dev.rtcsuite.admin.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.type.Money;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.MixInput;
import dev.rtcsuite.packages.v1.FixedPackageSize;
import dev.rtcsuite.recording.v1.FileFormat;
import org.junit.jupiter.api.Test;

class InputsTest {

    @Test
    void enumValuesAreReadByShortOrFullNameInAnyCase() {
        assertThat(ProtoEnums.parse(FileFormat.class, "hls")).isEqualTo(FileFormat.FILE_FORMAT_HLS);
        assertThat(ProtoEnums.parse(FileFormat.class, "FILE_FORMAT_MP4"))
                .isEqualTo(FileFormat.FILE_FORMAT_MP4);
        assertThat(ProtoEnums.parse(LayoutTemplate.class, "picture-in-picture"))
                .isEqualTo(LayoutTemplate.LAYOUT_TEMPLATE_PICTURE_IN_PICTURE);
        assertThat(ProtoEnums.parse(FixedPackageSize.class, "25k"))
                .isEqualTo(FixedPackageSize.FIXED_PACKAGE_SIZE_25K);
    }

    @Test
    void unspecifiedIsNeverAChoiceAndAWrongValueListsTheChoices() {
        assertThatThrownBy(() -> ProtoEnums.parse(FileFormat.class, "unspecified"))
                .hasMessage("'unspecified' is not one of HLS, MP4, FLV, AAC");
        assertThatThrownBy(() -> ProtoEnums.parse(FileFormat.class, "mkv"))
                .hasMessage("'mkv' is not one of HLS, MP4, FLV, AAC");
    }

    @Test
    void aBareUserIsACameraWithAudioAndVideo() {
        assertThat(Inputs.mixInput("alice"))
                .isEqualTo(
                        MixInput.newBuilder()
                                .setUserId("alice")
                                .setStreamType(StreamType.STREAM_TYPE_MAIN)
                                .setHasAudio(true)
                                .setHasVideo(true)
                                .setWidth(1280)
                                .setHeight(720)
                                .build());
    }

    @Test
    void streamTypeSizeAndAudioOnlyAreGivenAfterColons() {
        MixInput screen = Inputs.mixInput("bob:aux:1920x1080");
        MixInput voice = Inputs.mixInput("carol:audio");

        assertThat(screen.getStreamType()).isEqualTo(StreamType.STREAM_TYPE_AUX);
        assertThat(screen.getHasAudio()).isFalse();
        assertThat(screen.getWidth()).isEqualTo(1920);
        assertThat(screen.getHeight()).isEqualTo(1080);
        assertThat(voice.getHasVideo()).isFalse();
        assertThat(voice.getHasAudio()).isTrue();
        assertThat(voice.getWidth()).isZero();
    }

    @Test
    void aMalformedInputIsRefusedWithItsForm() {
        assertThatThrownBy(() -> Inputs.mixInput(":main"))
                .hasMessage("':main' is not USER[:main|:aux][:WIDTHxHEIGHT|:audio]");
        assertThatThrownBy(() -> Inputs.mixInput("dan:big"))
                .hasMessage("'big' is not WIDTHxHEIGHT (e.g. 1280x720)");
    }

    @Test
    void amountsBecomeExactMoneyAndAreNeverRounded() {
        assertThat(Inputs.money("100.5", "cny"))
                .isEqualTo(
                        Money.newBuilder()
                                .setCurrencyCode("CNY")
                                .setUnits(100)
                                .setNanos(500_000_000)
                                .build());
        assertThat(Inputs.money("-0.01", "CNY").getNanos()).isEqualTo(-10_000_000);
        assertThatThrownBy(() -> Inputs.money("0.0000000001", "CNY"))
                .hasMessage("'0.0000000001' has more than 9 decimals");
        assertThatThrownBy(() -> Inputs.money("ten", "CNY"))
                .hasMessage("'ten' is not an amount such as 100.00");
    }

    @Test
    void coloursAreHexWithOrWithoutAPrefix() {
        assertThat(Inputs.color("1a1a1a")).isEqualTo(0x1a1a1a);
        assertThat(Inputs.color("#FF0000")).isEqualTo(0xff0000);
        assertThat(Inputs.color("0x00ff00")).isEqualTo(0x00ff00);
        assertThatThrownBy(() -> Inputs.color("red"))
                .hasMessage("'red' is not an RRGGBB hex colour");
        assertThatThrownBy(() -> Inputs.color("1234567"))
                .hasMessage("'1234567' is not an RRGGBB hex colour");
    }
}
