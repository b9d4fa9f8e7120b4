/** Language negotiation, the enabled languages and the translated UI strings. */
package org.scriptorium.i18n.application;
