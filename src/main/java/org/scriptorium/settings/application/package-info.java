/** Reading and changing site settings. */
package org.scriptorium.settings.application;
