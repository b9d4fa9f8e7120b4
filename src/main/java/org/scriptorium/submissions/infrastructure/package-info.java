/** JPA repository of submissions. */
package org.scriptorium.submissions.infrastructure;
