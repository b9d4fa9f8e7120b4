/** Start-up work: the first administrator, demo content, the log lines an operator needs. */
package org.scriptorium.platform.startup;
