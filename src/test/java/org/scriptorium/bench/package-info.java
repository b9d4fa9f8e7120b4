/** Benchmarks run by the scripts under {@code bench/} with the test class path; not tests. */
package org.scriptorium.bench;
