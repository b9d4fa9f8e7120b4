package org.scriptorium.content.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Access to the category tree. */
public interface CategoryRepository {

    Category save(Category category);

    Optional<Category> findById(long id);

    /** The categories of the given ids that exist, with their translations, in one query. */
    List<Category> findAllById(Collection<Long> ids);

    List<Category> findTopLevel();

    Optional<Category> findBySlug(String language, String slug);
}
