package io.ticketflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data>/stack.pids}: one line per process of a running stack, {@code name pid startMillis},
 * the orchestrator first. The start time guards against a recycled pid: a process counts as ours
 * only when both its pid and its start instant match, so {@code down} never signals a stranger.
 */
final class PidFile {

    static final String ORCHESTRATOR = "orchestrator";

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    /** One process of the stack as recorded in the file. */
    record Entry(String name, long pid, long startMillis) {

        static Entry of(String name, ProcessHandle process) {
            return new Entry(name, process.pid(),
                    process.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
        }

        /** The live process with this pid, if it is still the one that was recorded. */
        Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> startMillis == 0
                    || p.info().startInstant().map(Instant::toEpochMilli).orElse(startMillis) == startMillis);
        }

        String line() {
            return name + " " + pid + " " + startMillis;
        }

        static Entry parse(String line) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed pid file line: '" + line + "'");
            }
            return new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Replaces the file atomically, so a concurrent {@code down} never reads half a file. */
    synchronized void write(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.line()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    List<Entry> read() {
        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    entries.add(Entry.parse(line));
                }
            }
            return entries;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
