/** Records every {@code AuditEvent} fired by any feature and answers the audit page's queries. */
package org.scriptorium.audit.application;
