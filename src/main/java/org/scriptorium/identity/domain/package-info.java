/** Back-office users, their roles and the record of failed logins. */
package org.scriptorium.identity.domain;
