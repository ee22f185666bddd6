package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.App;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AppRepository {

    private final EntityManager entityManager;

    public AppRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long nextSdkAppId() {
        return ((Number)
                        entityManager
                                .createNativeQuery("SELECT nextval('sdk_app_id_seq')")
                                .getSingleResult())
                .longValue();
    }

    public void insert(App app) {
        entityManager.persist(AppEntity.of(app));
    }

    public Optional<App> find(long sdkAppId) {
        return Optional.ofNullable(entityManager.find(AppEntity.class, sdkAppId))
                .map(AppEntity::toDomain);
    }

    /** Reads an app and locks it until the transaction ends, for read-modify-write. */
    public Optional<App> findForUpdate(long sdkAppId) {
        return Optional.ofNullable(
                        entityManager.find(
                                AppEntity.class, sdkAppId, LockModeType.PESSIMISTIC_WRITE))
                .map(AppEntity::toDomain);
    }

    public void update(App app) {
        entityManager.find(AppEntity.class, app.sdkAppId()).copy(app);
    }

    /** The account's apps in SdkAppId order: {@code size} of them after {@code after}. */
    public Page<App> list(UUID accountId, long after, int size) {
        List<AppEntity> rows =
                entityManager
                        .createQuery(
                                "from AppEntity where accountId = :account and sdkAppId > :after"
                                        + " order by sdkAppId",
                                AppEntity.class)
                        .setParameter("account", accountId)
                        .setParameter("after", after)
                        .setMaxResults(size + 1)
                        .getResultList();
        return Page.of(rows, size, row -> row.sdkAppId, AppEntity::toDomain);
    }
}
