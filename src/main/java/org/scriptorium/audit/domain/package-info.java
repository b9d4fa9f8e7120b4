/** The stored audit entries and the query that browses them. */
package org.scriptorium.audit.domain;
