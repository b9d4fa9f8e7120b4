/**
 * The sitemap index, the per-language sitemaps and robots.txt, assembled from {@code SitemapSource}s that
 * each contribute one kind of page.
 */
package org.scriptorium.seo.application;
