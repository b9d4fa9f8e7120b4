/** Submissions, their quarantined images and internal notes, statuses and events. */
package org.scriptorium.submissions.domain;
