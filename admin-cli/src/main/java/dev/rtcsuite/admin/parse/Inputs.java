package dev.rtcsuite.admin.parse;

import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.Money;
import dev.rtcsuite.common.v1.StreamType;
import dev.rtcsuite.mixing.v1.MixInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Option values as operators type them, turned into the protobuf values the services take. */
public final class Inputs {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX×](\\d{1,5})");
    private static final int CAMERA_WIDTH = 1280;
    private static final int CAMERA_HEIGHT = 720;

    private Inputs() {}

    /** A width × height such as 1280x720. */
    public record Size(int width, int height) {
        public static Size parse(String text) {
            Matcher matcher = SIZE.matcher(text.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not WIDTHxHEIGHT (e.g. 1280x720)");
            }
            return new Size(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
    }

    /** A colour 0xRRGGBB written as hex: 1a1a1a, #1a1a1a or 0x1a1a1a. */
    public static int color(String text) {
        String hex = text.strip().replaceFirst("^(#|0x|0X)", "");
        if (!hex.matches("[0-9A-Fa-f]{1,6}")) {
            throw new IllegalArgumentException("'" + text + "' is not an RRGGBB hex colour");
        }
        return Integer.parseInt(hex, 16);
    }

    /** 2026-11-29 → google.type.Date. */
    public static Date date(String text) {
        LocalDate day = LocalDate.parse(text.strip());
        return Date.newBuilder()
                .setYear(day.getYear())
                .setMonth(day.getMonthValue())
                .setDay(day.getDayOfMonth())
                .build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** 100.5 and CNY → Money; at most 9 decimals (google.type.Money's precision), never rounded. */
    public static Money money(String amount, String currency) {
        BigDecimal exact;
        try {
            exact = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not an amount such as 100.00");
        }
        if (exact.scale() > 9) {
            throw new IllegalArgumentException("'" + amount + "' has more than 9 decimals");
        }
        BigDecimal units = exact.setScale(0, RoundingMode.DOWN);
        return Money.newBuilder()
                .setCurrencyCode(currency.strip().toUpperCase(Locale.ROOT))
                .setUnits(units.longValueExact())
                .setNanos(exact.subtract(units).movePointRight(9).intValueExact())
                .build();
    }

    /**
     * A room stream for a layout preview: {@code USER[:main|:aux][:WIDTHxHEIGHT|:audio]}. A bare
     * user is a camera (MAIN) with audio and 1280x720 video; {@code :audio} has no video.
     */
    public static MixInput mixInput(String spec) {
        String[] parts = spec.strip().split(":");
        if (parts[0].isEmpty() || parts.length > 3) {
            throw new IllegalArgumentException(
                    "'" + spec + "' is not USER[:main|:aux][:WIDTHxHEIGHT|:audio]");
        }
        MixInput.Builder input =
                MixInput.newBuilder()
                        .setUserId(parts[0])
                        .setStreamType(StreamType.STREAM_TYPE_MAIN)
                        .setHasAudio(true)
                        .setHasVideo(true)
                        .setWidth(CAMERA_WIDTH)
                        .setHeight(CAMERA_HEIGHT);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].toLowerCase(Locale.ROOT);
            switch (part) {
                case "main" -> input.setStreamType(StreamType.STREAM_TYPE_MAIN);
                case "aux" -> input.setStreamType(StreamType.STREAM_TYPE_AUX).setHasAudio(false);
                case "audio" -> input.setHasVideo(false).setWidth(0).setHeight(0);
                default -> {
                    Size size = Size.parse(part);
                    input.setWidth(size.width()).setHeight(size.height());
                }
            }
        }
        return input.build();
    }
}
