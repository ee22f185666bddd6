package dev.rtcsuite.admin.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.type.Money;
import dev.rtcsuite.packages.v1.AccountStatus;
import dev.rtcsuite.recording.v1.RecordingTaskEndReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void moneyIsExactWithAtLeastTwoDecimals() {
        assertThat(Values.money(money(0, 210_000_000))).isEqualTo("0.21 CNY");
        assertThat(Values.money(money(168, 0))).isEqualTo("168.00 CNY");
        // A per-minute price of 8 decimals keeps them all.
        assertThat(Values.money(money(0, 6_720))).isEqualTo("0.00000672 CNY");
        assertThat(Values.money(money(-3, -500_000_000))).isEqualTo("-3.50 CNY");
    }

    @Test
    void enumValuesLoseOnlyTheirTypePrefix() {
        assertThat(Values.enumValue(AccountStatus.ACCOUNT_STATUS_ARREARS)).isEqualTo("ARREARS");
        assertThat(
                        Values.enumValue(
                                RecordingTaskEndReason.RECORDING_TASK_END_REASON_STOPPED_BY_API))
                .isEqualTo("STOPPED_BY_API");
    }

    @Test
    void tableColumnsAreAsWideAsTheirWidestCell() {
        String table =
                new Table<List<String>>()
                        .column("A", row -> row.get(0))
                        .column("LONG HEADER", row -> row.get(1))
                        .column("LAST", row -> row.get(2))
                        .format(List.of(List.of("wide cell", "x", ""), List.of("b", "y", "z")));

        assertThat(table)
                .isEqualTo(
                        """
                        A          LONG HEADER  LAST
                        wide cell  x
                        b          y            z
                        """);
    }

    private static Money money(long units, int nanos) {
        return Money.newBuilder().setUnits(units).setNanos(nanos).setCurrencyCode("CNY").build();
    }
}
