package org.scriptorium.content.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticleRepository;

/**
 * Credits a guest author (a reader whose submitted story became the article) and sets the featured image
 * of an article made from a submission. The back-office author stays the one responsible for the article;
 * the public site names the guest instead.
 */
@ApplicationScoped
@Transactional
public class GuestCredits {

    private ArticleRepository articles;

    protected GuestCredits() {
    }

    @Inject
    public GuestCredits(ArticleRepository articles) {
        this.articles = articles;
    }

    /**
     * @param featuredImage a site-relative media URL, or null for none
     * @throws EditorialException NOT_FOUND when there is no such article
     */
    public void credit(long articleId, String guestName, String guestBio, String featuredImage) {
        Article article = articles.findById(articleId)
                .orElseThrow(() -> new EditorialException(EditorialException.Reason.NOT_FOUND, ""));
        article.creditGuestAuthor(guestName, guestBio);
        if (featuredImage != null) {
            article.changeFeaturedImage(featuredImage);
        }
    }
}
