/** The back office: login, the shell with its role-based menu, and the pages plugged into it. */
package org.scriptorium.web.backoffice;
