package dev.rtcsuite.admin.output;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.Decimal;
import com.google.type.Money;
import java.util.List;
import java.util.Map;

/**
 * Any protobuf message as indented "field: value" lines for a person. Shown: every field with
 * presence that is set, numbers and booleans always (false and 0 say something), non-empty strings
 * and lists; enum values without their type prefix; money, instants, dates, durations and decimals
 * in their natural form; bytes as their size.
 */
public final class HumanFormat {

    private static final Map<String, java.util.function.Function<Message, String>> WELL_KNOWN =
            Map.of(
                    Money.getDescriptor().getFullName(), m -> Values.money((Money) m),
                    Timestamp.getDescriptor().getFullName(), m -> Values.timestamp((Timestamp) m),
                    Date.getDescriptor().getFullName(), m -> Values.date((Date) m),
                    Duration.getDescriptor().getFullName(), m -> Values.duration((Duration) m),
                    Decimal.getDescriptor().getFullName(), m -> Values.decimal((Decimal) m));

    private HumanFormat() {}

    public static String format(Message message) {
        StringBuilder text = new StringBuilder();
        append(text, message, "");
        return text.toString();
    }

    /** A well-known value (money, time, date…) as one string; null for other messages. */
    public static String wellKnown(Message message) {
        var render = WELL_KNOWN.get(message.getDescriptorForType().getFullName());
        return render == null ? null : render.apply(message);
    }

    private static void append(StringBuilder text, Message message, String indent) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (!shown(message, field)) {
                continue;
            }
            Object value = message.getField(field);
            if (field.isRepeated()) {
                List<?> items = (List<?>) value;
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        && wellKnown((Message) items.get(0)) == null) {
                    text.append(indent).append(field.getName()).append(":\n");
                    for (Object item : items) {
                        text.append(indent).append("  -\n");
                        append(text, (Message) item, indent + "    ");
                    }
                } else {
                    text.append(indent)
                            .append(field.getName())
                            .append(": ")
                            .append(String.join(", ", items.stream().map(i -> scalar(i)).toList()))
                            .append('\n');
                }
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && wellKnown((Message) value) == null) {
                text.append(indent).append(field.getName()).append(":\n");
                append(text, (Message) value, indent + "  ");
            } else {
                text.append(indent)
                        .append(field.getName())
                        .append(": ")
                        .append(scalar(value))
                        .append('\n');
            }
        }
    }

    private static boolean shown(Message message, FieldDescriptor field) {
        if (field.isRepeated()) {
            return message.getRepeatedFieldCount(field) > 0;
        }
        if (field.hasPresence()) {
            return message.hasField(field);
        }
        return switch (field.getJavaType()) {
            case STRING -> !((String) message.getField(field)).isEmpty();
            case BYTE_STRING -> !((ByteString) message.getField(field)).isEmpty();
            case ENUM -> ((EnumValueDescriptor) message.getField(field)).getNumber() != 0;
            default -> true;
        };
    }

    private static String scalar(Object value) {
        if (value instanceof EnumValueDescriptor enumValue) {
            return Values.shortName(enumValue.getType().getName(), enumValue.getName());
        }
        if (value instanceof ByteString bytes) {
            return bytes.size() + " bytes";
        }
        if (value instanceof Message message) {
            return wellKnown(message);
        }
        return String.valueOf(value);
    }
}
