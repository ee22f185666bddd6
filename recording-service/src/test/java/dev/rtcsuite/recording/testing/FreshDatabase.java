package dev.rtcsuite.recording.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Empties this module's test database before the service starts, once per test run: the tests move
 * the service's clock and run every due job, so jobs and tasks left by an earlier run must not be
 * met again. Flyway then migrates the empty schema.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    /** This module's test database: rtcsuite_recording_&lt;RTCSUITE_TEST_DB_SUFFIX&gt;. */
    public static String name() {
        return "rtcsuite_recording_" + env("RTCSUITE_TEST_DB_SUFFIX", "test");
    }

    /** A connection to the test database, as the service's own user. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                env("RTCSUITE_DB_URL", "jdbc:postgresql://127.0.0.1:5432") + "/" + name(),
                env("RTCSUITE_DB_USER", "rtcsuite"),
                env("RTCSUITE_DB_PASSWORD", "rtcsuite"));
    }

    @Override
    public Map<String, String> start() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + name(), e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the database is left as the tests made it, for inspection
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
