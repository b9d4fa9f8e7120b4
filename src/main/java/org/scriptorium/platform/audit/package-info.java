/** The audit event that every feature fires after a back-office action, for the audit log to record. */
package org.scriptorium.platform.audit;
