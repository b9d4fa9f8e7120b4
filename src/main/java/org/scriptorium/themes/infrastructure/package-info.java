/** Reading theme folders from the web application. */
package org.scriptorium.themes.infrastructure;
