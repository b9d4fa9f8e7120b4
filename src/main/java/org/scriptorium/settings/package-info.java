/** Site settings that administrators change at runtime, stored in the database. */
package org.scriptorium.settings;
