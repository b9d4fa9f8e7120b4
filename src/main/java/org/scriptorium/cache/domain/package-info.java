/**
 * The page cache's vocabulary: what identifies a cached page, what is kept of it, and the event that tells
 * the cache the site's settings changed.
 */
package org.scriptorium.cache.domain;
