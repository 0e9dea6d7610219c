package io.ticketflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders the overlays with {@code kubectl kustomize} (kustomize v5, as built into kubectl 1.27+),
 * once per test JVM. Without kubectl on the PATH the tests that need a rendering are skipped, with
 * a message saying so; the checks on the source files still run.
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The overlay's rendered documents; skips the calling test when kubectl is missing. */
    static List<Map<String, Object>> render(String overlay) {
        Optional<Path> kubectl = kubectl();
        Assumptions.assumeTrue(kubectl.isPresent(),
                "SKIPPED: kubectl is not on the PATH, so deploy/k8s/overlays/" + overlay + " was not rendered"
                        + " (install kubectl >= 1.27, whose built-in kustomize v5 the overlays need)");
        return RENDERED.computeIfAbsent(overlay, o -> run(kubectl.get(), o));
    }

    private static List<Map<String, Object>> run(Path kubectl, String overlay) {
        Path dir = Repo.path("deploy/k8s/overlays/" + overlay);
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
                }
                assertThat(process.exitValue())
                        .as("kubectl kustomize %s failed:%n%s", dir, Files.readString(err, StandardCharsets.UTF_8))
                        .isZero();
                List<Map<String, Object>> docs = Repo.yamlDocuments(Files.readString(out, StandardCharsets.UTF_8));
                assertThat(docs).as("documents rendered from %s", dir).isNotEmpty();
                return List.copyOf(docs);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(Y.kind(d))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(Y.kind(d)) && name.equals(Y.str(d, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }
}
