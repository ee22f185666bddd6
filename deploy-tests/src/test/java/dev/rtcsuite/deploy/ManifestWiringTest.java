package dev.rtcsuite.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The k8s/ overlays, rendered offline, checked against what the services really serve and read:
 * ports and probe paths from each service's configuration, every environment variable one the
 * service reads, Secrets referenced (never committed) and mounted where the configuration looks,
 * images, labels and selectors lined up, the NetworkPolicies admitting only SPEC §0's callers, and
 * the database each overlay gives each service. Schema validation runs k8s/tools/validate.mjs.
 */
class ManifestWiringTest {

    private static final List<String> OVERLAYS = List.of("dev", "prod");

    /**
     * SPEC §0 "main callers" of each service, as its NetworkPolicy admits them: other services by
     * name, callers outside the suite (media plane, application servers, admin scripts) by their
     * pods' rtcsuite.dev/caller label.
     */
    private static final Map<Services, Set<String>> CALLERS =
            Map.of(
                    Services.RECORDING,
                    Set.of("caller=media-plane", "mixing-service", "caller=admin"),
                    Services.MIXING,
                    Set.of("caller=app-server", "caller=media-plane"),
                    Services.RATING,
                    Set.of(
                            "caller=media-plane",
                            "recording-service",
                            "mixing-service",
                            "package-service"),
                    Services.PACKAGE,
                    Set.of(
                            "rating-service",
                            "recording-service",
                            "mixing-service",
                            "caller=admin"));

    /** The gRPC client names the platform configures (quarkus.grpc.clients.NAME). */
    private static final Map<Services, String> CLIENT_NAMES =
            Map.of(
                    Services.RECORDING, "recording",
                    Services.MIXING, "mixing",
                    Services.RATING, "rating",
                    Services.PACKAGE, "packages");

    private static final Map<String, RenderedOverlay> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() {
        for (String overlay : OVERLAYS) {
            RENDERED.put(overlay, RenderedOverlay.render(overlay));
        }
    }

    static Stream<Arguments> overlaysAndServices() {
        return OVERLAYS.stream()
                .flatMap(o -> Stream.of(Services.values()).map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectValidatesAgainstTheKubernetesSchemas(String overlay) {
        Path tools = Services.root().resolve("k8s/tools");
        assertThat(tools.resolve("node_modules/kubernetes-models"))
                .as("npm ci in k8s/tools (./rtcsuite test does it)")
                .isDirectory();

        String report =
                RenderedOverlay.run(
                        List.of("node", tools.resolve("validate.mjs").toString()),
                        RENDERED.get(overlay).yaml());

        assertThat(report).contains(" valid, 0 invalid").doesNotContain("FAIL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretIsCommittedOnlyReferenced(String overlay) {
        assertThat(RENDERED.get(overlay).ofKind("Secret")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void imagesLabelsAndSelectorsLineUp(String overlay, Services service) {
        RenderedOverlay rendered = RENDERED.get(overlay);
        JsonNode deployment = rendered.object("Deployment", service.app());
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode pod = deployment.path("spec").path("template").path("spec");

        assertThat(selects(deployment.path("spec").path("selector").path("matchLabels"), labels))
                .isTrue();
        assertThat(
                        selects(
                                rendered.object("Service", service.app())
                                        .path("spec")
                                        .path("selector"),
                                labels))
                .isTrue();
        assertThat(
                        selects(
                                rendered.object("PodDisruptionBudget", service.app())
                                        .path("spec")
                                        .path("selector")
                                        .path("matchLabels"),
                                labels))
                .isTrue();
        assertThat(
                        selects(
                                rendered.object("NetworkPolicy", service.app())
                                        .path("spec")
                                        .path("podSelector")
                                        .path("matchLabels"),
                                labels))
                .isTrue();
        JsonNode hpa = rendered.object("HorizontalPodAutoscaler", service.app()).path("spec");
        assertThat(hpa.path("scaleTargetRef").path("kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo(service.app());
        assertThat(hpa.path("minReplicas").asInt()).isBetween(1, hpa.path("maxReplicas").asInt());
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo(service.app());
        assertThat(
                        rendered.object("ServiceAccount", service.app())
                                .path("automountServiceAccountToken")
                                .asBoolean(true))
                .isFalse();
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(container(deployment).path("image").asText())
                .startsWith("rtcsuite/" + service.app() + ":");
        assertThat(service.module().resolve("src/main/docker/Dockerfile.native")).exists();
        assertThat(service.module().resolve("src/main/docker/Dockerfile.jvm")).exists();
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void theContainerPortServiceAndProbesAreWhatTheServiceServes(String overlay, Services service) {
        RenderedOverlay rendered = RENDERED.get(overlay);
        JsonNode container = container(rendered.object("Deployment", service.app()));
        SmallRyeConfig config = ServiceConfig.inPod(service, environment(rendered, container));
        int port = config.getValue("quarkus.http.ssl-port", Integer.class);
        JsonNode grpcPort = named(container.path("ports"), "grpc");
        JsonNode servicePort =
                named(rendered.object("Service", service.app()).path("spec").path("ports"), "grpc");

        assertThat(config.getValue("quarkus.http.insecure-requests", String.class))
                .isEqualTo("disabled");
        assertThat(grpcPort.path("containerPort").asInt()).isEqualTo(port);
        assertThat(container.path("ports")).hasSize(1);
        assertThat(servicePort.path("targetPort").asText()).isEqualTo("grpc");
        assertThat(servicePort.path("appProtocol").asText()).isEqualTo("grpc");
        String health =
                "/"
                        + config.getOptionalValue(
                                        "quarkus.http.non-application-root-path", String.class)
                                .orElse("q")
                        + "/"
                        + config.getOptionalValue("quarkus.smallrye-health.root-path", String.class)
                                .orElse("health")
                        + "/";
        Map<String, String> probes =
                Map.of(
                        "startupProbe",
                        health
                                + config.getOptionalValue(
                                                "quarkus.smallrye-health.startup-path",
                                                String.class)
                                        .orElse("started"),
                        "readinessProbe",
                        health
                                + config.getOptionalValue(
                                                "quarkus.smallrye-health.readiness-path",
                                                String.class)
                                        .orElse("ready"),
                        "livenessProbe",
                        health
                                + config.getOptionalValue(
                                                "quarkus.smallrye-health.liveness-path",
                                                String.class)
                                        .orElse("live"));
        probes.forEach(
                (probe, path) -> {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
                    assertThat(get.path("port").asText()).as(probe).isIn("grpc", "" + port);
                    assertThat(get.path("scheme").asText()).as(probe).isEqualTo("HTTPS");
                });
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void everyEnvironmentVariableSetIsOneTheServiceReads(String overlay, Services service) {
        RenderedOverlay rendered = RENDERED.get(overlay);
        Set<String> set =
                environment(rendered, container(rendered.object("Deployment", service.app())))
                        .keySet();

        assertThat(set).isNotEmpty();
        assertThat(ServiceConfig.environmentVariablesRead(service)).containsAll(set);
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void clientsReachTheOtherServicesThroughTheirServices(String overlay, Services service) {
        RenderedOverlay rendered = RENDERED.get(overlay);
        SmallRyeConfig config =
                ServiceConfig.inPod(
                        service,
                        environment(
                                rendered, container(rendered.object("Deployment", service.app()))));

        for (Services other : Services.values()) {
            String client = "quarkus.grpc.clients." + CLIENT_NAMES.get(other);
            JsonNode target = rendered.object("Service", other.app());
            assertThat(config.getValue(client + ".host", String.class))
                    .isEqualTo(target.path("metadata").path("name").asText());
            assertThat(config.getValue(client + ".port", Integer.class))
                    .isEqualTo(
                            named(target.path("spec").path("ports"), "grpc").path("port").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void credentialsAreReferencedSecretsMountedWhereTheServiceLooks(
            String overlay, Services service) throws IOException {
        RenderedOverlay rendered = RENDERED.get(overlay);
        JsonNode deployment = rendered.object("Deployment", service.app());
        JsonNode container = container(deployment);
        SmallRyeConfig config = ServiceConfig.inPod(service, environment(rendered, container));
        String secretsScript = Files.readString(Services.root().resolve("scripts/k8s-secrets.sh"));
        Set<String> mountedFiles = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode volume =
                    named(
                            deployment.path("spec").path("template").path("spec").path("volumes"),
                            mount.path("name").asText());
            for (JsonNode source : volume.path("projected").path("sources")) {
                secrets.add(source.path("secret").path("name").asText());
                for (JsonNode item : source.path("secret").path("items")) {
                    mountedFiles.add(
                            mount.path("mountPath").asText() + "/" + item.path("path").asText());
                }
            }
        }
        for (JsonNode env : container.path("env")) {
            JsonNode secret = env.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode()) {
                secrets.add(secret.path("name").asText());
            }
        }

        assertThat(mountedFiles)
                .contains(
                        config.getValue(
                                "quarkus.tls.rtcsuite.key-store.pem.service.cert", String.class),
                        config.getValue(
                                "quarkus.tls.rtcsuite.key-store.pem.service.key", String.class),
                        config.getValue("quarkus.tls.rtcsuite.trust-store.pem.certs", String.class),
                        config.getValue("rtcsuite.security.token-key", String.class),
                        config.getValue("rtcsuite.security.service-token", String.class));
        assertThat(secrets)
                .contains(
                        "rtcsuite-" + service.area + "-tls",
                        "rtcsuite-" + service.area + "-token",
                        "rtcsuite-" + service.area + "-db");
        for (String secret : secrets) {
            assertThat(
                            secretsScript.contains(secret)
                                    || secretsScript.contains(
                                            secret.replace(service.area, "$area")))
                    .as("scripts/k8s-secrets.sh creates " + secret)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void podsRunLockedDownAndDrainGracefully(String overlay, Services service) {
        RenderedOverlay rendered = RENDERED.get(overlay);
        JsonNode deployment = rendered.object("Deployment", service.app());
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = container(deployment);
        JsonNode security = container.path("securityContext");
        SmallRyeConfig config = ServiceConfig.inPod(service, environment(rendered, container));
        Duration shutdown =
                Duration.parse("PT" + config.getValue("quarkus.shutdown.timeout", String.class));
        List<String> preStop = new ArrayList<>();
        container
                .path("lifecycle")
                .path("preStop")
                .path("exec")
                .path("command")
                .forEach(c -> preStop.add(c.asText()));

        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("capabilities").path("drop").toString()).contains("\"ALL\"");
        assertThat(named(container.path("volumeMounts"), "tmp").path("mountPath").asText())
                .isEqualTo("/tmp");
        assertThat(preStop).hasSize(2).startsWith("sleep");
        assertThat(pod.path("terminationGracePeriodSeconds").asLong())
                .isGreaterThan(Long.parseLong(preStop.get(1)) + shutdown.toSeconds());
        assertThat(container.path("resources").path("requests").path("memory").asText())
                .endsWith("Mi");
        assertThat(mebibytes(container.path("resources").path("limits").path("memory")))
                .isGreaterThanOrEqualTo(
                        mebibytes(container.path("resources").path("requests").path("memory")));
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void networkPoliciesAdmitOnlyTheCallersSpecSection0NamesAndReachTheDatabase(
            String overlay, Services service) {
        RenderedOverlay rendered = RENDERED.get(overlay);
        JsonNode policy = rendered.object("NetworkPolicy", service.app()).path("spec");
        int port =
                named(container(rendered.object("Deployment", service.app())).path("ports"), "grpc")
                        .path("containerPort")
                        .asInt();
        Set<String> admitted = new HashSet<>();
        for (JsonNode rule : policy.path("ingress")) {
            for (JsonNode from : rule.path("from")) {
                JsonNode match = from.path("podSelector").path("matchLabels");
                admitted.add(
                        match.has("rtcsuite.dev/caller")
                                ? "caller=" + match.path("rtcsuite.dev/caller").asText()
                                : match.path("app.kubernetes.io/name").asText());
            }
            assertThat(rule.path("ports")).hasSize(1);
            assertThat(rule.path("ports").get(0).path("port").asInt()).isEqualTo(port);
        }
        boolean reachesDatabase = false;
        for (JsonNode rule : policy.path("egress")) {
            for (JsonNode to : rule.path("to")) {
                reachesDatabase |=
                        to.path("podSelector")
                                        .path("matchLabels")
                                        .path("rtcsuite.dev/database")
                                        .asText()
                                        .equals("true")
                                && rule.path("ports").get(0).path("port").asInt() == 5432;
            }
        }

        assertThat(policy.path("policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(admitted).isEqualTo(CALLERS.get(service));
        assertThat(reachesDatabase).isTrue();
        assertThat(databasePodLabels(rendered).path("rtcsuite.dev/database").asText())
                .isEqualTo("true");
    }

    @Test
    void devHasOnePostgresWithAVolumeAndADatabaseAndRolePerService() throws IOException {
        RenderedOverlay dev = RENDERED.get("dev");
        JsonNode postgres = dev.object("StatefulSet", "postgres").path("spec");
        String init =
                Files.readString(Services.root().resolve("k8s/overlays/dev/init-databases.sh"));

        assertThat(postgres.path("replicas").asInt()).isEqualTo(1);
        assertThat(postgres.path("volumeClaimTemplates")).hasSize(1);
        assertThat(dev.object("Service", "postgres")).isNotNull();
        for (Services service : Services.values()) {
            SmallRyeConfig config = configIn(dev, service);
            assertThat(jdbcHost(config)).isEqualTo("postgres");
            assertThat(init)
                    .contains(config.getValue("rtcsuite.db.name", String.class))
                    .contains("$" + service.area.toUpperCase() + "_DB_USER");
            assertThat(postgres.path("template").toString())
                    .contains("rtcsuite-" + service.area + "-db");
        }
    }

    @Test
    void prodHasAThreeInstanceCloudNativePgClusterWithADatabaseAndRolePerService() {
        RenderedOverlay prod = RENDERED.get("prod");
        JsonNode cluster = prod.ofKind("Cluster").get(0);
        String clusterName = cluster.path("metadata").path("name").asText();
        Map<String, String> rolePasswordSecrets = new HashMap<>();
        cluster.path("spec")
                .path("managed")
                .path("roles")
                .forEach(
                        role ->
                                rolePasswordSecrets.put(
                                        role.path("name").asText(),
                                        role.path("passwordSecret").path("name").asText()));

        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(prod.ofKind("Database")).hasSize(Services.values().length);
        for (Services service : Services.values()) {
            SmallRyeConfig config = configIn(prod, service);
            String database = config.getValue("rtcsuite.db.name", String.class);
            JsonNode spec =
                    prod.ofKind("Database").stream()
                            .map(d -> d.path("spec"))
                            .filter(d -> d.path("name").asText().equals(database))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no Database " + database));
            String owner = spec.path("owner").asText();

            assertThat(jdbcHost(config)).isEqualTo(clusterName + "-rw");
            assertThat(spec.path("cluster").path("name").asText()).isEqualTo(clusterName);
            assertThat(rolePasswordSecrets)
                    .containsEntry(owner, "rtcsuite-" + service.area + "-db");
        }
    }

    private static SmallRyeConfig configIn(RenderedOverlay rendered, Services service) {
        return ServiceConfig.inPod(
                service,
                environment(rendered, container(rendered.object("Deployment", service.app()))));
    }

    private static String jdbcHost(SmallRyeConfig config) {
        return URI.create(
                        config.getValue("rtcsuite.db.server-url", String.class)
                                .replaceFirst("^jdbc:", ""))
                .getHost();
    }

    private static JsonNode databasePodLabels(RenderedOverlay rendered) {
        return rendered.ofKind("Cluster").isEmpty()
                ? rendered.object("StatefulSet", "postgres")
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")
                : rendered.ofKind("Cluster")
                        .get(0)
                        .path("spec")
                        .path("inheritedMetadata")
                        .path("labels");
    }

    /**
     * The environment a container gets: its ConfigMaps (envFrom) and its env entries; values from
     * Secrets stand in as "(secret)".
     */
    private static Map<String, String> environment(RenderedOverlay rendered, JsonNode container) {
        Map<String, String> environment = new HashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            rendered.object("ConfigMap", from.path("configMapRef").path("name").asText())
                    .path("data")
                    .fields()
                    .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode env : container.path("env")) {
            environment.put(
                    env.path("name").asText(),
                    env.has("value") ? env.path("value").asText() : "(secret)");
        }
        return environment;
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers =
                deployment.path("spec").path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static JsonNode named(JsonNode list, String name) {
        for (JsonNode item : list) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("nothing named " + name + " in " + list);
    }

    /** Every label of {@code selector} is on {@code labels} with the same value. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!labels.path(field.getKey()).asText().equals(field.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    private static long mebibytes(JsonNode quantity) {
        String text = quantity.asText();
        if (text.endsWith("Gi")) {
            return Long.parseLong(text.replace("Gi", "")) * 1024;
        }
        return Long.parseLong(text.replace("Mi", ""));
    }
}
