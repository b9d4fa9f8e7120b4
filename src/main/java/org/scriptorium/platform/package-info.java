/**
 * What every feature stands on: configuration, the database and its migrations, health checks and
 * start-up. Holds no feature logic.
 */
package org.scriptorium.platform;
