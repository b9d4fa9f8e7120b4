package org.scriptorium.media.domain;

import java.util.List;
import java.util.Optional;

/** Stores and finds media items. */
public interface MediaRepository {

    MediaItem save(MediaItem item);

    Optional<MediaItem> findById(long id);

    Optional<MediaItem> findByFileName(String fileName);

    /** The newest first, a page at a time. */
    List<MediaItem> list(int offset, int limit);

    long count();

    void delete(MediaItem item);
}
