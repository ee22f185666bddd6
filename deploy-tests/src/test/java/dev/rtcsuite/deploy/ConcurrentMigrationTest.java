package dev.rtcsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several replicas of a service starting at once (a Deployment rollout, the HPA scaling out) all
 * run Flyway at start against one database: the migrations must apply exactly once and every
 * replica must start. Four migrators start together on an empty schema of the service's test
 * database, with the services' Flyway settings (platform's and the service's locations, out of
 * order allowed).
 */
class ConcurrentMigrationTest {

    private static final int REPLICAS = 4;

    @ParameterizedTest
    @EnumSource(Services.class)
    void replicasMigratingAtOnceApplyEveryMigrationExactlyOnce(Services service) throws Exception {
        String schema = "concurrent_migration_" + service.area;
        String url = testDatabaseUrl(service);
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            // Empty but present, like the public schema of a new database.
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            statement.execute("CREATE SCHEMA " + schema);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                results.add(replicas.submit(migrator(service, url, schema, start)));
            }
            start.countDown();
            int applied = 0;
            for (Future<MigrateResult> result : results) {
                MigrateResult migrated = result.get(120, TimeUnit.SECONDS);
                assertThat(migrated.success).isTrue();
                applied += migrated.migrationsExecuted;
            }
            int migrations = service.migrations().size() + Services.platformMigrations().size();

            assertThat(applied).isEqualTo(migrations);
            assertThat(appliedVersions(url, schema)).hasSize(migrations).doesNotHaveDuplicates();
        } finally {
            replicas.shutdownNow();
            try (Connection connection = connect(url);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Callable<MigrateResult> migrator(
            Services service, String url, String schema, CountDownLatch start) {
        return () -> {
            start.await();
            return Flyway.configure()
                    .dataSource(url, user(), password())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .outOfOrder(true)
                    .locations(
                            "filesystem:"
                                    + Services.root()
                                            .resolve("platform/src/main/resources/db/platform"),
                            "filesystem:" + service.resources().resolve("db/migration"))
                    .load()
                    .migrate();
        };
    }

    private static List<String> appliedVersions(String url, String schema) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT version FROM "
                                        + schema
                                        + ".flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    /** The service's test database (./rtcsuite db makes it), as its test profile names it. */
    private static String testDatabaseUrl(Services service) {
        String server =
                System.getenv().getOrDefault("RTCSUITE_DB_URL", "jdbc:postgresql://127.0.0.1:5432");
        String database =
                ServiceConfig.inPod(service, java.util.Map.of())
                        .getValue("rtcsuite.db.name", String.class);
        return server
                + "/"
                + database
                + "_"
                + System.getenv().getOrDefault("RTCSUITE_TEST_DB_SUFFIX", "test");
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    private static String user() {
        return System.getenv().getOrDefault("RTCSUITE_DB_USER", "rtcsuite");
    }

    private static String password() {
        return System.getenv().getOrDefault("RTCSUITE_DB_PASSWORD", "rtcsuite");
    }
}
