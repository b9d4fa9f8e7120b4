/** User accounts, credential checks and login throttling. */
package org.scriptorium.identity.application;
