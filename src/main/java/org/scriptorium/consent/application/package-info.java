/** The consent log, which stores every {@link org.scriptorium.platform.consent.ConsentGiven} event. */
package org.scriptorium.consent.application;
