package dev.rtcsuite.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs a service's packaged artifact (JVM jar or native executable,
 * {@code @QuarkusIntegrationTest}) as production runs it: prod profile, TLS with local credentials,
 * tokens required; only the database is the service's test database
 * (rtcsuite_&lt;area&gt;_&lt;suffix&gt;). The values returned here reach the launched process as
 * system properties.
 */
public class PackagedServiceResource implements QuarkusTestResourceLifecycleManager {

    /** The local credentials the packaged service and the test share (made once per module). */
    public static LocalCredentials credentials() {
        Path root = Path.of(System.getProperty("rtcsuite.root", ".."));
        return LocalCredentials.make(root, Path.of("target", "it-credentials"));
    }

    /** recording, mixing, rating or package: the service under test, from its application name. */
    public static String service() {
        return ConfigProvider.getConfig()
                .getValue("quarkus.application.name", String.class)
                .replaceFirst("-service$", "");
    }

    @Override
    public Map<String, String> start() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> properties = new HashMap<>(credentials().environment(service()));
        properties.put(
                "rtcsuite.db.name",
                config.getValue("rtcsuite.db.name", String.class)
                        + "_"
                        + config.getValue("rtcsuite.db.test-suffix", String.class));
        return properties;
    }

    @Override
    public void stop() {}
}
