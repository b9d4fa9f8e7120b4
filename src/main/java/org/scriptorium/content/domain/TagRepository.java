package org.scriptorium.content.domain;

import java.util.List;
import java.util.Optional;

/** Access to tags. */
public interface TagRepository {

    Tag save(Tag tag);

    Optional<Tag> findById(long id);

    Optional<Tag> findBySlug(String language, String slug);

    List<Tag> findAll();
}
