/** A setting as a key and a value, and where settings are kept. */
package org.scriptorium.settings.domain;
