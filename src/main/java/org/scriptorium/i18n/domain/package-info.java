/** The site's languages as data. */
package org.scriptorium.i18n.domain;
