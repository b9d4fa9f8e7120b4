/** The consent records over JPA. */
package org.scriptorium.consent.infrastructure;
