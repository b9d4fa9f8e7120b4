/** The in-memory cache of rendered public pages, its bounds and its invalidation by domain events. */
package org.scriptorium.cache.application;
