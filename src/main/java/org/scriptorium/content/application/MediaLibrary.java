package org.scriptorium.content.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.platform.config.Settings;

/**
 * The uploaded media in {@code <data dir>/media/}, served read-only at {@code /media/<name>}. Only plain
 * file names of known image types are accepted, so that a name can neither leave the folder nor make the
 * site serve something a browser would run.
 */
@ApplicationScoped
public class MediaLibrary {

    /** The site-relative URL prefix of media files. */
    public static final String URL_PREFIX = "/media/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,150}\\.(svg|png|jpg|jpeg|webp|gif)");
    private static final Map<String, String> TYPES = Map.of("svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "webp", "image/webp", "gif", "image/gif");

    private Path folder;

    protected MediaLibrary() {
    }

    @Inject
    public MediaLibrary(Settings settings) {
        this(settings.mediaDir());
    }

    public MediaLibrary(Path folder) {
        this.folder = folder;
    }

    /** A stored file and the content type to serve it with. */
    public record MediaFile(Path path, String contentType, long size) {
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The file with this name, if the name is acceptable and the file exists. */
    public Optional<MediaFile> find(String name) {
        if (!isValidName(name)) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MediaFile(file, TYPES.get(extension(name)), Files.size(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The names of the stored files, alphabetically, for choosing one (an author's photo, ...). */
    public List<String> names() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(MediaLibrary::isValidName)
                    .filter(n -> Files.isRegularFile(folder.resolve(n))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Stores a file under a name, replacing one of the same name.
     *
     * @return the site-relative URL of the file
     * @throws IllegalArgumentException if the name is not acceptable
     */
    public String store(String name, InputStream content) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Not an acceptable media file name: " + name);
        }
        try {
            Files.createDirectories(folder);
            Files.copy(content, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            return URL_PREFIX + name;
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /** The names of the stored files, in alphabetical order; empty when nothing was uploaded yet. */
    public List<String> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(MediaLibrary::isValidName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the file with this name, if the name is acceptable and the file exists. */
    public void delete(String name) {
        if (!isValidName(name)) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
