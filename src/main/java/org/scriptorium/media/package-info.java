/**
 * The media library: images uploaded in the back office, checked by their content, resized for the themes,
 * described per language, and protected from deletion while articles or profiles use them.
 */
package org.scriptorium.media;
