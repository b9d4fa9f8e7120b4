/** Persistence of languages and loading of the UI string files. */
package org.scriptorium.i18n.infrastructure;
