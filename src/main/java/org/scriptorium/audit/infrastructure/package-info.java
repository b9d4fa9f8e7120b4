/** Persistence of the audit log over JPA. */
package org.scriptorium.audit.infrastructure;
