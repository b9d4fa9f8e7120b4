package org.scriptorium.content.application;

import java.util.List;

/**
 * What the article editor shows and sends back for one translation.
 *
 * @param articleId      empty for a new article
 * @param language       the translation's language
 * @param title          required
 * @param slug           empty to generate one from the title
 * @param excerpt        plain text, may be empty
 * @param body           HTML; sanitised when saved
 * @param seoTitle       may be empty (the title is used)
 * @param seoDescription may be empty (the excerpt is used)
 * @param categoryIds    the categories the article is filed under (shared by all languages)
 * @param tags           tag names in this language, separated by commas (tags are shared by all languages)
 * @param commentsOpen   whether readers may comment (shared by all languages)
 * @param version        the translation's version when it was opened, to refuse overwriting a later save; 0 for a translation not yet stored
 * @param featuredImage  the site-relative address of the featured image ({@code /media/...}) from the media library,
 *                       empty for none (shared by all languages); null leaves the image as it is
 * @param imageAlt       the image's text alternative in this language
 */
public record ArticleForm(Long articleId, String language, String title, String slug, String excerpt, String body,
                          String seoTitle, String seoDescription, List<Long> categoryIds, String tags,
                          boolean commentsOpen, long version, String featuredImage, String imageAlt) {

    /** A form that leaves the featured image and its description as they are. */
    public ArticleForm(Long articleId, String language, String title, String slug, String excerpt, String body,
                       String seoTitle, String seoDescription, List<Long> categoryIds, String tags,
                       boolean commentsOpen, long version) {
        this(articleId, language, title, slug, excerpt, body, seoTitle, seoDescription, categoryIds, tags, commentsOpen,
                version, null, null);
    }
}
