/** The comments feature over JPA. */
package org.scriptorium.comments.infrastructure;
