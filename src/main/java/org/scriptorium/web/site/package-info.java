/** The public reading site: routing, and the view beans of its pages. */
package org.scriptorium.web.site;
