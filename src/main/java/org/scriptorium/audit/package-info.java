/** The audit log: who did what in the back office, and when. */
package org.scriptorium.audit;
