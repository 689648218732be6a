package dev.vocadent.postcall.outbox;

import dev.vocadent.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox on the worker's disk: one file per item under {@code pending/}, {@code parked/};
 * unreadable files are moved to {@code quarantine/}. Every write goes to a temporary name, is fsynced,
 * atomically renamed into place, and the directory is fsynced, so an item either exists whole or not at
 * all after kill -9 or a power cut. Each file carries a CRC-32 and length header; a file that fails the
 * check is quarantined with a log line and the rest are still delivered.
 */
public final class Journal {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final String SUFFIX = ".item";
    private static final String TMP_PREFIX = ".tmp-";
    private static final Pattern HEADER = Pattern.compile("VOCADENT-OUTBOX v1 crc32=([0-9a-f]{8}) len=(\\d+)");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,240}");

    private final Path root;
    private final Path pending;
    private final Path parked;
    private final Path quarantine;
    private final Path files;

    /** Opens (creating if needed) the journal under {@code root}; removes half-written temporary files. */
    public Journal(Path root) {
        this(root, true);
    }

    /**
     * Opens the journal for inspection while a worker may be using it (the {@code outbox} command):
     * leaves temporary files alone, since they may be a live worker's writes in progress.
     */
    public static Journal inspect(Path root) {
        return new Journal(root, false);
    }

    private Journal(Path root, boolean removeTemporaryFiles) {
        this.root = root;
        this.pending = root.resolve("pending");
        this.parked = root.resolve("parked");
        this.quarantine = root.resolve("quarantine");
        this.files = root.resolve("files");
        try {
            for (Path d : List.of(pending, parked, quarantine, files)) {
                Files.createDirectories(d);
            }
            for (Path d : removeTemporaryFiles ? List.of(pending, parked, files) : List.<Path>of()) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(d, TMP_PREFIX + "*")) {
                    for (Path p : s) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open outbox at " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Where the outbox keeps its own copies of recordings until they are uploaded. */
    public Path filesDir() {
        return files;
    }

    /** Writes (or replaces) a pending item durably. */
    public void put(OutboxItem item) {
        write(pending, item);
    }

    /** Removes a delivered item durably. */
    public void delete(OutboxItem item) {
        deleteFile(pending.resolve(fileName(item.id())));
    }

    /** Moves an item to {@code parked/} with the reason; it is not retried until {@link #retryParked}. */
    public void park(OutboxItem item, String reason) {
        write(parked, item.parked(reason));
        deleteFile(pending.resolve(fileName(item.id())));
    }

    /** True while a pending item with this id exists. */
    public boolean isPending(String id) {
        return Files.exists(pending.resolve(fileName(id)));
    }

    /** All readable pending items, oldest first; corrupt files are quarantined. */
    public List<OutboxItem> pending() {
        return readAll(pending);
    }

    /** All parked items, oldest first. */
    public List<OutboxItem> parked() {
        return readAll(parked);
    }

    /** Names of the files in quarantine. */
    public List<String> quarantined() {
        try (var s = Files.list(quarantine)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves every parked item back to pending with its attempts reset; returns how many. */
    public int retryParked(Instant now) {
        int n = 0;
        for (OutboxItem item : parked()) {
            write(pending, item.revived(now));
            deleteFile(parked.resolve(fileName(item.id())));
            n++;
        }
        return n;
    }

    /** Writes a file into {@link #filesDir()} durably (temp name, fsync, rename); returns its path. */
    public Path putFile(String name, Path source) {
        checkId(name);
        Path target = files.resolve(name);
        Path tmp = files.resolve(TMP_PREFIX + name + "-" + UUID.randomUUID());
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            move(tmp, target);
            fsyncDir(files);
            return target;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot store " + name + " in the outbox", e);
        }
    }

    /** Deletes a file of {@link #filesDir()} (after its upload). */
    public void deleteFile(String name) {
        deleteFile(files.resolve(name));
    }

    static String fileName(String id) {
        checkId(id);
        return id + SUFFIX;
    }

    private static void checkId(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("outbox: not a safe item id: " + id);
        }
    }

    private void write(Path dir, OutboxItem item) {
        byte[] body = Json.write(item).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] header = String.format("VOCADENT-OUTBOX v1 crc32=%08x len=%d%n", crc.getValue(), body.length)
                .getBytes(StandardCharsets.US_ASCII);
        Path target = dir.resolve(fileName(item.id()));
        Path tmp = dir.resolve(TMP_PREFIX + item.id() + "-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.allocate(header.length + body.length).put(header).put(body).flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            move(tmp, target);
            fsyncDir(dir);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write outbox item " + item.id(), e);
        }
    }

    private List<OutboxItem> readAll(Path dir) {
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            s.forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<OutboxItem> items = new ArrayList<>();
        for (Path p : paths) {
            try {
                items.add(read(p));
            } catch (NoSuchFileException gone) {
                // delivered or moved meanwhile by another sender loop
            } catch (IOException | RuntimeException e) {
                quarantine(p, e);
            }
        }
        items.sort(Comparator.comparing(OutboxItem::createdAt).thenComparing(OutboxItem::id));
        return items;
    }

    static OutboxItem read(Path p) throws IOException {
        byte[] all = Files.readAllBytes(p);
        int nl = -1;
        for (int i = 0; i < Math.min(all.length, 100); i++) {
            if (all[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            throw new IOException("no header line");
        }
        Matcher m = HEADER.matcher(new String(all, 0, nl, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            throw new IOException("bad header");
        }
        int len = Integer.parseInt(m.group(2));
        if (all.length - nl - 1 != len) {
            throw new IOException("length " + (all.length - nl - 1) + " != header's " + len);
        }
        CRC32 crc = new CRC32();
        crc.update(all, nl + 1, len);
        if (crc.getValue() != Long.parseLong(m.group(1), 16)) {
            throw new IOException("checksum mismatch");
        }
        OutboxItem item = Json.mapper().readValue(all, nl + 1, len, OutboxItem.class);
        if (item.id() == null || item.kind() == null || item.createdAt() == null || item.nextAttemptAt() == null) {
            throw new IOException("missing id, kind or times");
        }
        return item;
    }

    private void quarantine(Path p, Exception why) {
        Path target = quarantine.resolve(p.getFileName() + "." + System.currentTimeMillis());
        try {
            move(p, target);
            fsyncDir(quarantine);
            log.error("outbox: corrupt entry {} quarantined as {}: {}", p.getFileName(), target.getFileName(), why.getMessage());
        } catch (IOException e) {
            log.error("outbox: corrupt entry {} could not be quarantined: {}", p.getFileName(), e.toString());
        }
    }

    private void deleteFile(Path p) {
        try {
            if (Files.deleteIfExists(p)) {
                fsyncDir(p.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p.getFileName(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void fsyncDir(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse to open directories; the rename is still atomic there
            log.debug("outbox: directory fsync not supported: {}", e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
