package dev.rtcsuite.admin.parse;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a protobuf enum value the way an operator types it: the full name (FILE_FORMAT_HLS) or the
 * part after the type prefix (hls, HLS), case-insensitive, '-' for '_'. UNSPECIFIED is never a
 * choice.
 */
public final class ProtoEnums {

    private ProtoEnums() {}

    public static <E extends Enum<E> & ProtocolMessageEnum> E parse(Class<E> type, String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : choices(type)) {
            if (value.name().equals(wanted) || shortName(value).equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not one of " + String.join(", ", shortNames(type)));
    }

    public static <E extends Enum<E> & ProtocolMessageEnum> List<String> shortNames(Class<E> type) {
        return choices(type).stream().map(ProtoEnums::shortName).toList();
    }

    private static <E extends Enum<E> & ProtocolMessageEnum> List<E> choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> !value.name().equals("UNRECOGNIZED"))
                .filter(value -> value.getNumber() != 0)
                .toList();
    }

    private static String shortName(ProtocolMessageEnum value) {
        return dev.rtcsuite.admin.output.Values.enumValue(value);
    }
}
