package org.scriptorium.media.application;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.application.MediaLibrary;
import org.scriptorium.identity.application.Slugs;
import org.scriptorium.media.domain.ImageType;
import org.scriptorium.media.domain.MediaItem;
import org.scriptorium.media.domain.MediaRepository;
import org.scriptorium.media.domain.MediaUsage;
import org.scriptorium.media.domain.MediaUsageFinder;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.settings.application.SiteSettings;

/**
 * The media library's operations: upload, describe, find where used, delete.
 *
 * <p>An upload is read up to the size limit (site setting {@value #MAX_BYTES}, default 5 MiB) and refused
 * beyond it; its type comes from its bytes ({@link ImageSniffer}); the original is kept as uploaded under a
 * new, unguessable name, and narrower copies ({@link #WIDTHS}) are written with javax.imageio for the themes'
 * {@code srcset}. A delete is refused while any {@link MediaUsageFinder} reports a use. Every change is
 * announced as an {@link AuditEvent}.
 */
@ApplicationScoped
@Transactional
public class MediaService {

    /** Site setting: the largest upload, in bytes. */
    public static final String MAX_BYTES = "media.upload.maxBytes";
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;
    /** The widths of the generated copies, in pixels. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1600);

    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaRepository items;
    private MediaLibrary files;
    private SiteSettings settings;
    private Iterable<MediaUsageFinder> finders;
    private Consumer<AuditEvent> audit;
    private Clock clock;

    protected MediaService() {
    }

    @Inject
    public MediaService(MediaRepository items, MediaLibrary files, SiteSettings settings,
                        Instance<MediaUsageFinder> finders, Event<AuditEvent> audit, Clock clock) {
        this(items, files, settings, finders, audit::fire, clock);
    }

    public MediaService(MediaRepository items, MediaLibrary files, SiteSettings settings,
                        Iterable<MediaUsageFinder> finders, Consumer<AuditEvent> audit, Clock clock) {
        this.items = items;
        this.files = files;
        this.settings = settings;
        this.finders = finders;
        this.audit = audit;
        this.clock = clock;
    }

    /** The largest upload the library takes, in bytes. */
    public long maxBytes() {
        return settings.get(MAX_BYTES).flatMap(MediaService::parseLong).filter(n -> n > 0).orElse(DEFAULT_MAX_BYTES);
    }

    /** Changes the upload limit (in bytes, at least 1 KiB). */
    public void changeMaxBytes(String actor, long bytes) {
        long value = Math.max(1024, bytes);
        settings.put(MAX_BYTES, String.valueOf(value));
        audit.accept(new AuditEvent(actor, "media.settings", "setting:" + MAX_BYTES, String.valueOf(value)));
    }

    /**
     * Reads at most {@code max} bytes.
     *
     * @throws MediaException TOO_LARGE beyond the limit, EMPTY for no bytes
     */
    public static byte[] readLimited(InputStream in, long max) {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            if (bytes.length > max) {
                throw new MediaException(MediaException.Reason.TOO_LARGE);
            }
            if (bytes.length == 0) {
                throw new MediaException(MediaException.Reason.EMPTY);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds an image to the library.
     *
     * @param originalName the name the file had on the uploader's computer; only used for display and to
     *                     make the new name readable
     * @throws MediaException NOT_AN_IMAGE, TOO_LARGE or EMPTY; nothing is stored then
     */
    public MediaItem upload(String actor, String originalName, InputStream content) {
        byte[] bytes = readLimited(content, maxBytes());
        return store(actor, originalName, bytes, "media.upload");
    }

    /** Adds an image that was already checked and size-limited elsewhere (an accepted submission's picture). */
    public MediaItem importImage(String actor, String originalName, byte[] bytes) {
        return store(actor, originalName, bytes, "media.import");
    }

    private MediaItem store(String actor, String originalName, byte[] bytes, String action) {
        ImageSniffer.Sniffed sniffed = ImageSniffer.sniff(bytes)
                .orElseThrow(() -> new MediaException(MediaException.Reason.NOT_AN_IMAGE));
        String display = originalName == null || originalName.isBlank() ? "image" : originalName.strip();
        if (display.length() > 300) {
            display = display.substring(0, 300);
        }
        String base = baseName(display);
        String ext = sniffed.type().extension();
        files.store(base + "." + ext, new ByteArrayInputStream(bytes));
        Map<Integer, String> variants = new LinkedHashMap<>();
        if (sniffed.image() != null) {
            for (int width : WIDTHS) {
                if (width < sniffed.width()) {
                    String name = base + "-" + width + "w." + variantType(sniffed.type()).extension();
                    files.store(name, new ByteArrayInputStream(resized(sniffed, width)));
                    variants.put(width, name);
                }
            }
        }
        MediaItem item = items.save(new MediaItem(base + "." + ext, display, sniffed.type(), sniffed.width(),
                sniffed.height(), bytes.length, variants, actor, clock.instant()));
        audit.accept(new AuditEvent(actor, action, "media:" + item.getId(), item.getFileName()));
        return item;
    }

    /** Sets the alt text of an image in each of the given languages (a blank text removes one). */
    public MediaItem describe(String actor, long id, Map<String, String> altByLanguage) {
        MediaItem item = items.findById(id).orElseThrow(() -> new MediaException(MediaException.Reason.NOT_FOUND));
        altByLanguage.forEach(item::describe);
        audit.accept(new AuditEvent(actor, "media.describe", "media:" + id, String.join(",", altByLanguage.keySet())));
        return item;
    }

    /** Where the image or one of its copies is shown. */
    public List<MediaUsage> usages(long id) {
        return items.findById(id).map(this::usages).orElse(List.of());
    }

    private List<MediaUsage> usages(MediaItem item) {
        List<String> urls = item.files().stream().map(f -> MediaLibrary.URL_PREFIX + f).toList();
        List<MediaUsage> all = new ArrayList<>();
        for (MediaUsageFinder finder : finders) {
            all.addAll(finder.usagesOf(urls));
        }
        return all;
    }

    /**
     * Deletes an image and its copies.
     *
     * @throws MediaException IN_USE (with the places) while anything shows it, NOT_FOUND
     */
    public void delete(String actor, long id) {
        MediaItem item = items.findById(id).orElseThrow(() -> new MediaException(MediaException.Reason.NOT_FOUND));
        List<MediaUsage> used = usages(item);
        if (!used.isEmpty()) {
            throw new MediaException(MediaException.Reason.IN_USE, used);
        }
        items.delete(item);
        item.files().forEach(files::delete);
        audit.accept(new AuditEvent(actor, "media.delete", "media:" + id, item.getFileName()));
    }

    public Optional<MediaItem> find(long id) {
        return items.findById(id);
    }

    public Optional<MediaItem> findByUrl(String url) {
        if (url == null || !url.startsWith(MediaLibrary.URL_PREFIX)) {
            return Optional.empty();
        }
        return items.findByFileName(url.substring(MediaLibrary.URL_PREFIX.length()));
    }

    public List<MediaItem> list(int page, int size) {
        return items.list(Math.max(0, page - 1) * size, size);
    }

    public long count() {
        return items.count();
    }

    private static ImageType variantType(ImageType original) {
        return original == ImageType.JPEG ? ImageType.JPEG : ImageType.PNG;
    }

    private static byte[] resized(ImageSniffer.Sniffed sniffed, int width) {
        BufferedImage source = sniffed.image();
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        ImageType out = variantType(sniffed.type());
        BufferedImage target = new BufferedImage(width, height,
                out == ImageType.JPEG ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(target, out.imageIoFormat().orElseThrow(), bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(String originalName) {
        String stem = originalName.contains(".") ? originalName.substring(0, originalName.lastIndexOf('.')) : originalName;
        String slug = Slugs.of(stem);
        if (slug.length() > 60) {
            slug = slug.substring(0, 60);
        }
        slug = slug.replaceAll("^[^a-z0-9]+|-+$", "");
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return (slug.isEmpty() ? "image" : slug) + "-" + HexFormat.of().formatHex(random);
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
