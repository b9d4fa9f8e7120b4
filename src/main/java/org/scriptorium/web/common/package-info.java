/** What every page shares: the page language, UI strings, formatting, client address, cookies. */
package org.scriptorium.web.common;
