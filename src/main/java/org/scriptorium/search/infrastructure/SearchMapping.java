package org.scriptorium.search.infrastructure;

import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleTranslation;

/**
 * Maps the content entities to the search index programmatically, so that the {@code content.domain}
 * entities carry no Hibernate Search annotation and the domain keeps depending on JPA and the JDK only.
 *
 * <p>Why a programmatic mapping of {@link ArticleTranslation} rather than a separate projection entity: the
 * translation already is the unit a reader finds, and mapping it directly lets Hibernate Search's automatic
 * indexing follow every change after the transaction commits (publish, edit, unpublish, delete, and a change
 * of the article's categories or tags through {@code Article.translations}) without a second table to keep
 * in step and without event handlers that could miss a path. All fields come from one {@link TranslationBinder}.
 *
 * <p>The categories and tags of an article are followed shallowly: adding or removing one reindexes the
 * article's translations; renaming a category does not need to, since documents hold ids, not names.
 */
public class SearchMapping implements HibernateOrmSearchMappingConfigurer {

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
        var translation = mapping.type(ArticleTranslation.class);
        translation.indexed().index(SearchFields.INDEX);
        translation.binder(new TranslationBinder());
        mapping.type(Article.class).property("categories").indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        mapping.type(Article.class).property("tags").indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
    }
}
