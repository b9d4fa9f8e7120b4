package org.scriptorium.content.domain;

import java.util.List;
import java.util.Optional;

/** Access to the category tree. */
public interface CategoryRepository {

    Category save(Category category);

    Optional<Category> findById(long id);

    List<Category> findTopLevel();

    Optional<Category> findBySlug(String language, String slug);
}
