package dev.rtcsuite.rating.domain.estimate;

import dev.rtcsuite.rating.domain.bill.BillLine;
import java.util.Objects;

/**
 * One line of a cost estimate: a user's charge.
 *
 * @param userId for base service the receiving user who pays; for other items the input's user
 *     (empty for aggregated audio or padding)
 */
public record EstimateLine(String userId, BillLine line) {

    public EstimateLine {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(line, "line");
    }
}
