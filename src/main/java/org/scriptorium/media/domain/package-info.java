/** Media items, their alt texts and image types, and the repository port. */
package org.scriptorium.media.domain;
