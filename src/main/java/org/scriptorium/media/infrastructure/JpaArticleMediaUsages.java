package org.scriptorium.media.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.media.domain.MediaUsage;
import org.scriptorium.media.domain.MediaUsageFinder;

/**
 * Finds articles that show an image: as their featured image, or inside the body of any translation
 * (an {@code <img>} or a link whose address contains the file's URL).
 */
@ApplicationScoped
public class JpaArticleMediaUsages implements MediaUsageFinder {

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaArticleMediaUsages() {
    }

    public JpaArticleMediaUsages(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<MediaUsage> usagesOf(List<String> urls) {
        List<MediaUsage> found = new ArrayList<>();
        if (urls.isEmpty()) {
            return found;
        }
        for (Article a : em.createQuery("select a from Article a where a.featuredImage in :urls", Article.class)
                .setParameter("urls", urls).getResultList()) {
            found.add(new MediaUsage("featured", title(a), "/backoffice/article?id=" + a.getId() + "&lang="
                    + a.getSourceLanguage()));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String url : urls) {
            for (ArticleTranslation t : em.createQuery(
                            "select t from ArticleTranslation t where t.body like :pattern", ArticleTranslation.class)
                    .setParameter("pattern", "%" + url + "%").getResultList()) {
                if (seen.add(t.getArticle().getId() + "/" + t.getLanguage())) {
                    found.add(new MediaUsage("body", t.getTitle() + " (" + t.getLanguage() + ")",
                            "/backoffice/article?id=" + t.getArticle().getId() + "&lang=" + t.getLanguage()));
                }
            }
        }
        return found;
    }

    private static String title(Article a) {
        return a.sourceTranslation().or(() -> a.getTranslations().values().stream().findFirst())
                .map(ArticleTranslation::getTitle).orElse("#" + a.getId());
    }
}
