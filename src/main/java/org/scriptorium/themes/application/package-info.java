/** The theme registry: installed themes and the active one. */
package org.scriptorium.themes.application;
