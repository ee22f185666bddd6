package dev.rtcsuite.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The four services as the repository lays them out: module, proto package, sources. */
enum Services {
    RECORDING("recording", "recording"),
    MIXING("mixing", "mixing"),
    RATING("rating", "rating"),
    PACKAGE("package", "packages");

    private static final Pattern RPC =
            Pattern.compile(
                    "^\\s*rpc\\s+\\w+\\((?:stream\\s+)?(\\w+)\\)\\s+returns\\s+\\((?:stream\\s+)?(\\w+)\\)");

    /** recording, mixing, rating, package: the name in k8s/, credentials and RTCSUITE_*_PORT. */
    final String area;

    /** The proto package rtcsuite.&lt;protoArea&gt;.v1 and the Java package of its messages. */
    final String protoArea;

    Services(String area, String protoArea) {
        this.area = area;
        this.protoArea = protoArea;
    }

    static Path root() {
        return Path.of(System.getProperty("rtcsuite.root", "..")).toAbsolutePath().normalize();
    }

    String app() {
        return area + "-service";
    }

    Path module() {
        return root().resolve(app());
    }

    Path resources() {
        return module().resolve("src/main/resources");
    }

    /** The service's v1 gRPC service, fully qualified. */
    String v1Service() {
        return "rtcsuite."
                + protoArea
                + ".v1."
                + Character.toUpperCase(protoArea.charAt(0))
                + protoArea.substring(1)
                + "Service";
    }

    /** Java classes of every request and response message of the service's v1 RPCs. */
    List<String> rpcMessageClasses() {
        Path protos = root().resolve("proto/src/main/resources/rtcsuite/" + protoArea + "/v1");
        try (Stream<Path> files = Files.list(protos)) {
            return files.filter(f -> f.toString().endsWith("_service.proto"))
                    .flatMap(Services::lines)
                    .map(RPC::matcher)
                    .filter(Matcher::find)
                    .flatMap(m -> Stream.of(m.group(1), m.group(2)))
                    .distinct()
                    .map(message -> "dev.rtcsuite." + protoArea + ".v1." + message)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths (relative to the classpath root) of the service's own Flyway migrations. */
    List<String> migrations() {
        return listed(resources(), "db/migration");
    }

    static List<String> platformMigrations() {
        return listed(root().resolve("platform/src/main/resources"), "db/platform");
    }

    private static List<String> listed(Path resources, String folder) {
        Path dir = resources.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> folder + "/" + f.getFileName()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
