/**
 * Community story submissions ("publish with us"): readers send stories from the public site, editors review
 * them in the back office and turn the good ones into draft articles credited to the submitter.
 */
package org.scriptorium.submissions;
