package dev.rtcsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each service's native build (run here to the native-sources stage: the deploy-checks
 * profile's {@code native-sources} execution, target/native-sources) hands to native-image: the
 * arguments, and the resources and reflection registrations in the runner jar's
 * META-INF/native-image. Everything the services load by name at run time must be there, or the
 * native executable fails where the JVM works.
 */
class NativeImageConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Packed into google.protobuf.Any and unpacked by reflection (AIP-193 error details). */
    private static final List<String> ERROR_DETAILS =
            List.of(
                    "com.google.rpc.Status",
                    "com.google.rpc.ErrorInfo",
                    "com.google.rpc.BadRequest",
                    "com.google.rpc.BadRequest$FieldViolation");

    @ParameterizedTest
    @EnumSource(Services.class)
    void theArgumentsBuildOneStandaloneExecutableFromTheRunnerJar(Services service)
            throws IOException {
        List<String> args = Arrays.asList(Files.readString(args(service)).strip().split("\\s+"));

        assertThat(args)
                .contains("--no-fallback", "--link-at-build-time", "-jar")
                .contains(service.app() + "-1.0.0-SNAPSHOT-runner.jar")
                .doesNotContain(
                        "--allow-incomplete-classpath", "--report-unsupported-elements-at-runtime");
        assertThat(sources(service).resolve("graalvm.version")).exists();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyLibraryOnTheRunnerClassPathIsThere(Services service) throws IOException {
        try (JarFile jar = new JarFile(runnerJar(service).toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");

            assertThat(classPath.split(" ")).isNotEmpty();
            for (String entry : classPath.split(" ")) {
                assertThat(sources(service).resolve(entry)).as(entry).exists();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void theAccessPolicyAndEveryMigrationAreIncludedAsResources(Services service) {
        Set<String> patterns = resourcePatterns(service);

        assertThat(service.resources().resolve("access-policy.properties")).exists();
        assertThat(matches(patterns, "access-policy.properties")).as("access-policy").isTrue();
        assertThat(Services.platformMigrations()).isNotEmpty();
        for (String migration :
                Stream.concat(service.migrations().stream(), Services.platformMigrations().stream())
                        .toList()) {
            assertThat(matches(patterns, migration)).as(migration).isTrue();
        }
        assertThat(matches(patterns, "org/postgresql/driverconfig.properties")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void errorDetailsAndEveryRpcMessageAreRegisteredForReflection(Services service) {
        Set<String> reflective = reflectiveClasses(service);
        List<String> messages = service.rpcMessageClasses();

        assertThat(messages).isNotEmpty();
        assertThat(reflective).containsAll(ERROR_DETAILS).containsAll(messages);
    }

    private static boolean matches(Set<String> patterns, String resource) {
        return patterns.stream().anyMatch(p -> Pattern.compile(p).matcher(resource).matches());
    }

    private static Path sources(Services service) {
        Path dir = service.module().resolve("target/native-sources");
        assertThat(dir)
                .as("run the native-sources build: ./mvnw verify -Pdeploy-checks")
                .isDirectory();
        return dir;
    }

    private static Path args(Services service) {
        return sources(service).resolve("native-image.args");
    }

    private static Path runnerJar(Services service) {
        return sources(service).resolve(service.app() + "-1.0.0-SNAPSHOT-runner.jar");
    }

    private static JsonNode nativeImageJson(Services service, String name) {
        try (JarFile jar = new JarFile(runnerJar(service).toFile())) {
            var entry = jar.getEntry("META-INF/native-image/" + name);
            assertThat(entry).as(name).isNotNull();
            return JSON.readTree(jar.getInputStream(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> resourcePatterns(Services service) {
        Set<String> patterns = new HashSet<>();
        nativeImageJson(service, "resource-config.json")
                .path("resources")
                .path("includes")
                .forEach(include -> patterns.add(include.path("pattern").asText()));
        return patterns;
    }

    private static Set<String> reflectiveClasses(Services service) {
        Set<String> names = new HashSet<>();
        StreamSupport.stream(nativeImageJson(service, "reflect-config.json").spliterator(), false)
                .forEach(entry -> names.add(entry.path("name").asText()));
        return names;
    }
}
