/** The page cache's configuration, read from MicroProfile Config. */
package org.scriptorium.cache.infrastructure;
