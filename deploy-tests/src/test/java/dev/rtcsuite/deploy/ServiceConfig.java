package dev.rtcsuite.deploy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as it resolves in a pod: the platform's shared defaults (ordinal 100),
 * the service's application.properties (250), and the environment the manifests give it (300), prod
 * profile.
 */
final class ServiceConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

    /** A setting a service documents in its application.properties as a comment: "# key=…". */
    private static final Pattern DOCUMENTED =
            Pattern.compile("(?m)^#\\s*((?:rtcsuite|quarkus)\\.[a-z0-9.-]+)=");

    private ServiceConfig() {}

    static SmallRyeConfig inPod(Services service, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .addDefaultInterceptors()
                .withSources(source(platformConfig(), 100))
                .withSources(source(service.resources().resolve("application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    /**
     * The environment variables the service reads: those its configuration names in expressions
     * ({@code ${RTCSUITE_DB_URL:…}}) and the environment form of every property it sets or
     * documents as a comment (QUARKUS_HTTP_PORT for quarkus.http.port), profiles stripped.
     */
    static Set<String> environmentVariablesRead(Services service) {
        Set<String> names = new HashSet<>();
        for (Path file :
                List.of(platformConfig(), service.resources().resolve("application.properties"))) {
            Matcher expressions = EXPRESSION.matcher(read(file));
            while (expressions.find()) {
                names.add(expressions.group(1));
            }
            List<String> keys = new ArrayList<>();
            properties(file).keySet().forEach(key -> keys.add(key.toString()));
            Matcher documented = DOCUMENTED.matcher(read(file));
            while (documented.find()) {
                keys.add(documented.group(1));
            }
            for (String key : keys) {
                String property = key.replaceFirst("^%[^.]+\\.", "");
                names.add(property.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            }
        }
        names.add("QUARKUS_PROFILE");
        return names;
    }

    static Path platformConfig() {
        return Services.root()
                .resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
    }

    private static PropertiesConfigSource source(Path file, int ordinal) {
        Map<String, String> map = new java.util.HashMap<>();
        properties(file).forEach((k, v) -> map.put(k.toString(), v.toString()));
        return new PropertiesConfigSource(map, file.getFileName().toString(), ordinal);
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
