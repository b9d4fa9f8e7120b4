/**
 * Answers kept in memory between the changes that make them wrong: the shared mechanics (generations, time to
 * live, a bound) behind the read-side memos of the features.
 */
package org.scriptorium.platform.memo;
