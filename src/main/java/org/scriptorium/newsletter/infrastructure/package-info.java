/**
 * The newsletter's adapters: JPA repositories, the Jakarta Batch job that sends an edition, its launcher, and
 * the timer that starts scheduled editions and resumes interrupted ones.
 */
package org.scriptorium.newsletter.infrastructure;
