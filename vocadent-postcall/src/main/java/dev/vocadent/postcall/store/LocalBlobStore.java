package dev.vocadent.postcall.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The store without Azure: files under {@code <data-dir>/recordings/<blob name>}. Content type is implied by the suffix. */
public final class LocalBlobStore implements BlobStore {
    private final Path root;

    public LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String put(String name, byte[] data, String contentType) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            Files.write(tmp, data);
            return commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String putFile(String name, Path file, String contentType) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            return commit(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String commit(Path tmp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target.toString();
    }

    @Override
    public String locationOf(String name) {
        return resolve(name).toString();
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path dir = resolve(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".tmp-"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Override
    public boolean delete(String name) throws IOException {
        return Files.deleteIfExists(resolve(name));
    }

    @Override
    public String describe() {
        return "local folder " + root;
    }

    private Path resolve(String name) {
        Path p = root.resolve(name).normalize();
        if (!p.startsWith(root) || name.isBlank()) {
            throw new IllegalArgumentException("blob name escapes the store: " + name);
        }
        return p;
    }
}
