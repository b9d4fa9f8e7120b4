/** The web layer: Faces view beans and filters that orchestrate the application services. */
package org.scriptorium.web;
