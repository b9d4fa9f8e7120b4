package org.scriptorium.media.application;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.scriptorium.media.domain.ImageType;

/**
 * Decides what an uploaded file is from its bytes alone: the name and the type the browser declared are
 * never trusted. A file is accepted as an image when it starts with the magic bytes of PNG, JPEG, GIF or
 * WebP, when nothing a browser could take for markup appears in its first kilobyte (so that a polyglot
 * such as a GIF header followed by HTML, or an image whose metadata carries a script, is refused), and when
 * PNG, JPEG and GIF files decode as pictures. SVG, HTML and everything else is refused.
 */
public final class ImageSniffer {

    /** How many leading bytes are searched for markup. */
    static final int MARKUP_WINDOW = 1024;
    private static final Pattern MARKUP = Pattern.compile(
            "<\\s*(!doctype|html|head|body|script|svg|iframe|object|embed|meta|a\\s|img|style|\\?xml|!--)",
            Pattern.CASE_INSENSITIVE);

    /** What the sniffer found: the type and the picture's size in pixels (0 when not decoded, as for WebP). */
    public record Sniffed(ImageType type, int width, int height, BufferedImage image) {
    }

    private ImageSniffer() {
    }

    /** The image type announced by the first bytes, if any. */
    public static Optional<ImageType> magic(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
                && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return Optional.of(ImageType.PNG);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(ImageType.JPEG);
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return Optional.of(ImageType.GIF);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(ImageType.WEBP);
        }
        return Optional.empty();
    }

    /** Whether the first kilobyte holds something a browser's sniffer or an HTML parser would act on. */
    public static boolean containsMarkup(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, MARKUP_WINDOW), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return MARKUP.matcher(head).find();
    }

    /**
     * The image in these bytes, or empty when they are not an acceptable image.
     */
    public static Optional<Sniffed> sniff(byte[] bytes) {
        Optional<ImageType> type = magic(bytes);
        if (type.isEmpty() || containsMarkup(bytes)) {
            return Optional.empty();
        }
        if (type.get() == ImageType.WEBP) {
            return Optional.of(new Sniffed(ImageType.WEBP, 0, 0, null));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!type.get().imageIoFormat().map(f -> f.equals(format) || "jpg".equals(format) && f.equals("jpeg"))
                        .orElse(false)) {
                    return Optional.empty();
                }
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    return Optional.empty();
                }
                return Optional.of(new Sniffed(type.get(), image.getWidth(), image.getHeight(), image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
