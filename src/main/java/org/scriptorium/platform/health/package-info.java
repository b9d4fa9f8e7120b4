/** MicroProfile Health checks. */
package org.scriptorium.platform.health;
