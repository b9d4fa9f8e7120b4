package org.scriptorium.media.application;

import java.util.List;

import org.scriptorium.media.domain.MediaUsage;

/** Why the library refused an upload or a deletion; nothing was changed. */
public class MediaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reasons, each with a UI string the page shows. */
    public enum Reason {
        /** The bytes are not a PNG, JPEG, GIF or WebP image (or they carry markup). */
        NOT_AN_IMAGE,
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** Empty file. */
        EMPTY,
        /** Still shown somewhere. */
        IN_USE,
        /** No such item. */
        NOT_FOUND
    }

    private final Reason reason;
    private final transient List<MediaUsage> usages;

    public MediaException(Reason reason) {
        this(reason, List.of());
    }

    public MediaException(Reason reason, List<MediaUsage> usages) {
        super(reason.name());
        this.reason = reason;
        this.usages = List.copyOf(usages);
    }

    public Reason reason() {
        return reason;
    }

    /** Where the image is used, for {@link Reason#IN_USE}. */
    public List<MediaUsage> usages() {
        return usages;
    }
}
