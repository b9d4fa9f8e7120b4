package org.scriptorium.search.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Looks at the index folders before Hibernate Search opens them. An index that Lucene cannot open (a
 * damaged segments file, a file missing or cut short) would fail every search and every write; the folder is
 * removed instead, Hibernate Search creates an empty index in its place, and
 * {@link LuceneIndexMaintenance#rebuildIfOutOfStep()} refills it from the database once the application runs.
 * The search index is derived data: the database is the record.
 *
 * <p>An index written by an older mapping is removed the same way when Lucene would refuse to add the new
 * documents to it: Lucene keeps one schema per field, so a text field indexed with term vectors (before our
 * own highlighter replaced Hibernate Search's) cannot take documents without them.
 */
public final class IndexDirectoryGuard {

    private static final Logger LOG = Logger.getLogger(IndexDirectoryGuard.class.getName());

    private IndexDirectoryGuard() {
    }

    /** Removes every index under {@code root} that cannot be opened or was written by an older mapping; returns the ones removed. */
    public static List<Path> removeUnreadable(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> broken = children.filter(Files::isDirectory).filter(d -> !readable(d)).toList();
            for (Path dir : broken) {
                LOG.warning(() -> "The search index in " + dir + " cannot be read; it will be rebuilt");
                delete(dir);
            }
            return broken;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean readable(Path dir) {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                try (Stream<Path> files = Files.list(dir)) {
                    return files.findAny().isEmpty();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (var leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
                if (outdated(reader)) {
                    LOG.warning(() -> "The search index in " + dir + " was written by an older mapping; it will be rebuilt");
                    return false;
                }
                return true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Unreadable index " + dir, e);
            return false;
        }
    }

    /** Whether a text field of the index has term vectors, which the current mapping no longer writes. */
    static boolean outdated(DirectoryReader reader) {
        for (FieldInfo field : FieldInfos.getMergedFieldInfos(reader)) {
            if (field.hasVectors() && (field.name.startsWith(SearchFields.title("")) || field.name.startsWith(SearchFields.body("")))) {
                return true;
            }
        }
        return false;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
