/** What search engines are told about the site: the entries of its sitemaps. */
package org.scriptorium.seo.domain;
