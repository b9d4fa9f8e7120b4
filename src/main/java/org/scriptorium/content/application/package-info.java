/** Reading and writing content: read models for the public site, and editorial operations. */
package org.scriptorium.content.application;
