/** JPA repositories of the media library and the query that finds where an image is used in articles. */
package org.scriptorium.media.infrastructure;
