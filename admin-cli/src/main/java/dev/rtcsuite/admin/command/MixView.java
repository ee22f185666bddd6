package dev.rtcsuite.admin.command;

import dev.rtcsuite.admin.output.Table;
import dev.rtcsuite.admin.output.Values;
import dev.rtcsuite.mixing.v1.ComputedLayout;
import dev.rtcsuite.mixing.v1.MixOutput;
import dev.rtcsuite.mixing.v1.MixSession;
import dev.rtcsuite.mixing.v1.Region;

/** A mix session and a computed layout as an operator reads them. */
final class MixView {

    static final Table<Region> REGIONS =
            new Table<Region>()
                    .column(
                            "USER",
                            region ->
                                    region.getPlaceholder() ? "(placeholder)" : region.getUserId())
                    .column("STREAM", region -> Values.enumValue(region.getStreamType()))
                    .column("X", region -> Integer.toString(region.getX()))
                    .column("Y", region -> Integer.toString(region.getY()))
                    .column("WIDTH", region -> Integer.toString(region.getWidth()))
                    .column("HEIGHT", region -> Integer.toString(region.getHeight()))
                    .column("Z", region -> Integer.toString(region.getZ()))
                    .column("VIDEO", region -> region.getMixVideo() ? "yes" : "no");

    private MixView() {}

    static String session(MixSession session) {
        StringBuilder text = new StringBuilder();
        text.append("session: ").append(session.getSessionId()).append('\n');
        text.append("app: ").append(session.getSdkAppId()).append('\n');
        text.append("room: ")
                .append(RoomOptions.describe(session.getRoomId(), session.getStrRoomId()))
                .append('\n');
        text.append("state: ").append(Values.enumValue(session.getState()));
        if (session.getEndReasonValue() != 0) {
            text.append(" (").append(Values.enumValue(session.getEndReason())).append(')');
        }
        text.append('\n');
        for (MixOutput output : session.getOutputsList()) {
            text.append("output: ")
                    .append(Values.enumValue(output.getKind()))
                    .append(' ')
                    .append(target(output))
                    .append(" (")
                    .append(Values.enumValue(output.getState()))
                    .append(")\n");
        }
        if (session.hasLayout()) {
            text.append(layout(session.getLayout()));
        }
        return text.toString();
    }

    static String layout(ComputedLayout layout) {
        String header =
                "layout: "
                        + layout.getCanvasWidth()
                        + "x"
                        + layout.getCanvasHeight()
                        + ", "
                        + layout.getRegionsCount()
                        + " region"
                        + (layout.getRegionsCount() == 1 ? "" : "s")
                        + "\n";
        return layout.getRegionsCount() == 0
                ? header
                : header + REGIONS.format(layout.getRegionsList());
    }

    private static String target(MixOutput output) {
        if (!output.getRecordId().isEmpty()) {
            return "record_id " + output.getRecordId();
        }
        if (!output.getPublishCdnUrl().isEmpty()) {
            return output.getPublishCdnUrl();
        }
        return "stream_id " + output.getStreamId();
    }
}
