package org.scriptorium.media.domain;

import java.util.List;

/**
 * Finds where an image is used. Every feature that can show library images contributes one (articles,
 * author profiles); the library asks them all before it lets an image be deleted.
 */
public interface MediaUsageFinder {

    /** The places that use the file with this site-relative URL ({@code /media/name.jpg}) or one of its copies. */
    List<MediaUsage> usagesOf(List<String> urls);
}
