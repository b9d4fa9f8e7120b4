package org.scriptorium.web.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.comments.application.CommentService;

/** How many approved comments an article has in a language, for the cards of article lists. */
@Named("commentCounts")
@RequestScoped
public class CommentCounts {

    @Inject
    private CommentService comments;

    private final Map<Long, Map<String, Long>> byArticle = new HashMap<>();

    /** The approved comments of the article's translation in the language. */
    public long of(long articleId, String language) {
        Map<String, Long> counts = byArticle.computeIfAbsent(articleId, id -> {
            Map<String, Long> perLanguage = new HashMap<>();
            comments.approvedCounts(List.of(id)).forEach((k, v) -> perLanguage.put(k.substring(k.indexOf('/') + 1), v));
            return perLanguage;
        });
        return counts.getOrDefault(language, 0L);
    }
}
