package dev.rtcsuite.packages.persistence;

import dev.rtcsuite.packages.domain.App;
import dev.rtcsuite.packages.domain.AppState;
import dev.rtcsuite.platform.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AppRepository {

    private static final String SELECT =
            "SELECT sdk_app_id, account_id, name, state, disabled_reason, created_time,"
                    + " updated_time FROM app";

    private final Jdbc jdbc;

    public AppRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long nextSdkAppId() {
        return jdbc.query("SELECT nextval('sdk_app_id_seq')", row -> row.getLong(1)).getFirst();
    }

    public void insert(App app) {
        jdbc.update(
                "INSERT INTO app (sdk_app_id, account_id, name, state, disabled_reason,"
                        + " created_time, updated_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                app.sdkAppId(),
                app.accountId(),
                app.name(),
                app.state().name(),
                app.disabledReason(),
                app.createdTime(),
                app.updatedTime());
    }

    public Optional<App> find(long sdkAppId) {
        return first(SELECT + " WHERE sdk_app_id = ?", sdkAppId);
    }

    /** Reads an app and locks it until the transaction ends, for read-modify-write. */
    public Optional<App> findForUpdate(long sdkAppId) {
        return first(SELECT + " WHERE sdk_app_id = ? FOR UPDATE", sdkAppId);
    }

    /** Writes everything but the identity: name, state, reason and times. */
    public void update(App app) {
        jdbc.update(
                "UPDATE app SET account_id = ?, name = ?, state = ?, disabled_reason = ?,"
                        + " created_time = ?, updated_time = ? WHERE sdk_app_id = ?",
                app.accountId(),
                app.name(),
                app.state().name(),
                app.disabledReason(),
                app.createdTime(),
                app.updatedTime(),
                app.sdkAppId());
    }

    /** The account's apps in SdkAppId order: {@code size} of them after {@code after}. */
    public Page<App> list(UUID accountId, long after, int size) {
        List<App> rows =
                jdbc.query(
                        SELECT
                                + " WHERE account_id = ? AND sdk_app_id > ? ORDER BY sdk_app_id"
                                + " LIMIT ?",
                        AppRepository::app,
                        accountId,
                        after,
                        size + 1);
        return Page.of(rows, size, App::sdkAppId, app -> app);
    }

    private Optional<App> first(String sql, long sdkAppId) {
        return jdbc.query(sql, AppRepository::app, sdkAppId).stream().findFirst();
    }

    private static App app(ResultSet row) throws SQLException {
        return new App(
                row.getLong(1),
                row.getObject(2, UUID.class),
                row.getString(3),
                AppState.valueOf(row.getString(4)),
                row.getString(5),
                Jdbc.instant(row, 6),
                Jdbc.instant(row, 7));
    }
}
