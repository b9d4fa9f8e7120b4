/**
 * The content model: language-neutral articles with per-language translations, the category tree, tags
 * and the history of slugs.
 */
package org.scriptorium.content.domain;
