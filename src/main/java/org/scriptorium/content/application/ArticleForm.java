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
 */
public record ArticleForm(Long articleId, String language, String title, String slug, String excerpt, String body,
                          String seoTitle, String seoDescription, List<Long> categoryIds, String tags,
                          boolean commentsOpen, long version) {
}
