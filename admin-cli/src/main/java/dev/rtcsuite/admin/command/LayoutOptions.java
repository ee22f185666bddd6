package dev.rtcsuite.admin.command;

import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.v1.LayoutParams;
import dev.rtcsuite.mixing.v1.LayoutTemplate;
import dev.rtcsuite.mixing.v1.PureAudioHoldPlaceMode;
import java.util.List;
import picocli.CommandLine.Option;

/** The layout options shared by `mix start` and `mix preview` (MIXING.md "LayoutParams"). */
public class LayoutOptions {

    @Option(
            names = "--template",
            paramLabel = "FLOATING|GRID|SCREEN_SHARE|PICTURE_IN_PICTURE",
            description = "layout template (default FLOATING)")
    LayoutTemplate template;

    @Option(
            names = "--main-user",
            paramLabel = "USER_ID",
            description = "the big picture (default: the first user to enter)")
    String mainUser;

    @Option(
            names = "--main-stream",
            paramLabel = "MAIN|AUX",
            description = "the main user's stream")
    StreamType mainStream;

    @Option(
            names = "--mix-video-user",
            paramLabel = "USER_ID",
            description = "repeatable: only these users are mixed with video")
    List<String> mixVideoUsers = List.of();

    @Option(
            names = "--audio-users-hold-place",
            paramLabel = "TEMPLATE_DEFAULT|ALWAYS|NEVER",
            description = "whether audio-only users take a slot")
    PureAudioHoldPlaceMode pureAudioHoldPlace;

    LayoutParams toParams() {
        LayoutParams.Builder params = LayoutParams.newBuilder().addAllMixVideoUids(mixVideoUsers);
        if (template != null) {
            params.setTemplate(template);
        }
        if (mainUser != null) {
            params.setMainVideoUserId(mainUser);
        }
        if (mainStream != null) {
            params.setMainVideoStreamType(mainStream);
        }
        if (pureAudioHoldPlace != null) {
            params.setPureAudioHoldPlaceMode(pureAudioHoldPlace);
        }
        return params.build();
    }
}
