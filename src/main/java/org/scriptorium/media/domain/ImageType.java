package org.scriptorium.media.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the library accepts, each recognised by its magic bytes. SVG is deliberately absent: it
 * is a document that can carry scripts, not a picture.
 */
public enum ImageType {

    PNG("png", "image/png", "png"),
    JPEG("jpg", "image/jpeg", "jpeg"),
    GIF("gif", "image/gif", "gif"),
    WEBP("webp", "image/webp", null);

    private final String extension;
    private final String contentType;
    private final String imageIoFormat;

    ImageType(String extension, String contentType, String imageIoFormat) {
        this.extension = extension;
        this.contentType = contentType;
        this.imageIoFormat = imageIoFormat;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The javax.imageio format name that can write this type, if the JDK can. */
    public Optional<String> imageIoFormat() {
        return Optional.ofNullable(imageIoFormat);
    }

    public static Optional<ImageType> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }
}
