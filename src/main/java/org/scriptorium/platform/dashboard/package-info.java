/** The extension point through which features show counts on the back-office dashboard. */
package org.scriptorium.platform.dashboard;
