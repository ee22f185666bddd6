package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccountRepository {

    private final EntityManager entityManager;

    public AccountRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void insert(Account account) {
        entityManager.persist(AccountEntity.of(account));
        // Rows written with plain SQL in the same transaction refer to this one.
        entityManager.flush();
    }

    /** Writes the status, reason and update time (derived from the account's standing). */
    public void updateStatus(Account account) {
        AccountEntity entity = entityManager.find(AccountEntity.class, account.accountId());
        entity.status = account.status();
        entity.statusReason = account.statusReason();
        entity.updatedTime = account.updatedTime();
    }

    public void updateDisplayName(Account account) {
        AccountEntity entity = entityManager.find(AccountEntity.class, account.accountId());
        entity.displayName = account.displayName();
        entity.updatedTime = account.updatedTime();
    }

    public Optional<Account> find(UUID accountId) {
        return Optional.ofNullable(entityManager.find(AccountEntity.class, accountId))
                .map(AccountEntity::toDomain);
    }

    /** Accounts in creation order: {@code size} of them after creation sequence {@code after}. */
    public Page<Account> list(long after, int size) {
        List<AccountEntity> rows =
                entityManager
                        .createQuery(
                                "from AccountEntity where seq > :after order by seq",
                                AccountEntity.class)
                        .setParameter("after", after)
                        .setMaxResults(size + 1)
                        .getResultList();
        return Page.of(rows, size, row -> row.seq, AccountEntity::toDomain);
    }
}
