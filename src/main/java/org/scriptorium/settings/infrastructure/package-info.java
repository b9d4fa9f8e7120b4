/** Site settings stored with JPA. */
package org.scriptorium.settings.infrastructure;
