package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.money.Money;
import dev.rtcsuite.packages.domain.standing.AccountNotice;
import dev.rtcsuite.packages.domain.standing.AccountNoticeKind;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Notices sent to account holders (SPEC P-6), append-only. */
@ApplicationScoped
public class NoticeRepository {

    /** A stored notice: its id, position and the CNY balance when it was emitted. */
    public record Stored(
            long seq, UUID noticeId, UUID accountId, AccountNotice notice, Money balance) {}

    private final Jdbc jdbc;

    public NoticeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID accountId, AccountNotice notice, Money cnyBalance) {
        jdbc.update(
                "INSERT INTO account_notice (notice_id, account_id, kind, message, deadline_time,"
                        + " balance, create_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                accountId,
                notice.kind().name(),
                notice.message(),
                notice.deadlineTime().orElse(null),
                cnyBalance.amount(),
                notice.createTime());
    }

    /** Newest first, {@code size + 1} with seq below {@code beforeSeq} (0 = newest). */
    public List<Stored> list(UUID accountId, long beforeSeq, int size) {
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        String before = "";
        if (beforeSeq > 0) {
            before = " AND seq < ?";
            parameters.add(beforeSeq);
        }
        parameters.add(size + 1);
        return jdbc.query(
                "SELECT seq, notice_id, account_id, kind, message, deadline_time, balance,"
                        + " create_time FROM account_notice WHERE account_id = ?"
                        + before
                        + " ORDER BY seq DESC LIMIT ?",
                row ->
                        new Stored(
                                row.getLong(1),
                                row.getObject(2, UUID.class),
                                row.getObject(3, UUID.class),
                                new AccountNotice(
                                        AccountNoticeKind.valueOf(row.getString(4)),
                                        row.getString(5),
                                        Optional.ofNullable(Jdbc.instant(row, 6)),
                                        Jdbc.instant(row, 8)),
                                Money.of(row.getBigDecimal(7), Money.CNY)),
                parameters.toArray());
    }
}
