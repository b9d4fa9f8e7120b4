/** Persistence of users and login counters, and the adapters to Jakarta Security. */
package org.scriptorium.identity.infrastructure;
