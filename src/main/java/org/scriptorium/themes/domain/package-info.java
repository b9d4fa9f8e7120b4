/** Themes as self-describing folders. */
package org.scriptorium.themes.domain;
