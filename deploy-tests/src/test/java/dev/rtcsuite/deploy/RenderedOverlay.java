package dev.rtcsuite.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/** One k8s/ overlay as {@code kubectl kustomize} renders it: the YAML text and its objects. */
record RenderedOverlay(String name, String yaml, List<JsonNode> objects) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Renders k8s/overlays/{@code name} offline with kubectl's built-in kustomize. */
    static RenderedOverlay render(String name) {
        String overlay = Services.root().resolve("k8s/overlays/" + name).toString();
        String yaml = run(List.of("kubectl", "kustomize", overlay), null);
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode object = (JsonNode) documents.next();
                if (object != null && !object.isNull() && !object.isEmpty()) {
                    objects.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedOverlay(name, yaml, objects);
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    JsonNode object(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(kind + " " + name + " in " + name()));
    }

    /**
     * Runs a command, feeding it {@code input}; returns its standard output, or fails with its
     * output when it exits non-zero.
     */
    static String run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes());
            }
            process.getOutputStream().close();
            var stderr = process.getErrorStream();
            String out = new String(process.getInputStream().readAllBytes());
            String err = new String(stderr.readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot run " + command.get(0) + " (./rtcsuite test installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
