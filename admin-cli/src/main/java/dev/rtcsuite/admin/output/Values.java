package dev.rtcsuite.admin.output;

import com.google.protobuf.Duration;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import com.google.type.Date;
import com.google.type.Decimal;
import com.google.type.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How the CLI shows single values to a person: money as "0.21 CNY" (exact, at least 2 decimals),
 * instants in UTC ISO-8601, dates as yyyy-mm-dd and enum values without their type prefix.
 */
public final class Values {

    private Values() {}

    /**
     * The exact amount of a Money. (platform's ProtoMoney does the same for the services; the CLI
     * does not depend on platform, which carries the services' persistence extensions.)
     */
    public static BigDecimal amount(Money money) {
        return BigDecimal.valueOf(money.getUnits()).add(BigDecimal.valueOf(money.getNanos(), 9));
    }

    public static String money(Money money) {
        BigDecimal exact = amount(money).stripTrailingZeros();
        return exact.setScale(Math.max(2, exact.scale())).toPlainString()
                + " "
                + money.getCurrencyCode();
    }

    public static String timestamp(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
    }

    public static String date(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay()).toString();
    }

    public static String duration(Duration duration) {
        return java.time.Duration.ofSeconds(duration.getSeconds(), duration.getNanos()).toString();
    }

    public static String decimal(Decimal decimal) {
        return decimal.getValue();
    }

    /** FILE_FORMAT_HLS of enum FileFormat → HLS. */
    public static String enumValue(ProtocolMessageEnum value) {
        return shortName(
                value.getDescriptorForType().getName(), value.getValueDescriptor().getName());
    }

    static String shortName(String enumTypeName, String valueName) {
        String prefix = enumTypeName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase() + "_";
        return valueName.startsWith(prefix) ? valueName.substring(prefix.length()) : valueName;
    }
}
