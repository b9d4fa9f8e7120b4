/** JPA repositories of the content model. */
package org.scriptorium.content.infrastructure;
