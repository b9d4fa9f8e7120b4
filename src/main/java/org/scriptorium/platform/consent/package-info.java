/** The event through which every channel reports a reader's consent to the one consent log. */
package org.scriptorium.platform.consent;
