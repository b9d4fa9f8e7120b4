/** The one consent log: every consent a reader gives (newsletter, push, comment, submission), kept durably. */
package org.scriptorium.consent;
