/**
 * Start-up configuration: the keys operators set through environment variables, with defaults that serve the
 * embedded run.
 */
package org.scriptorium.platform.config;
