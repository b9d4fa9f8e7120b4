package org.scriptorium.identity.domain;

/**
 * What a back-office user may do. Roles add up: an editor who also moderates has both.
 * <ul>
 * <li>ADMIN: everything, including users and settings.</li>
 * <li>EDITOR: every article in every language, publishing, structure.</li>
 * <li>AUTHOR: their own articles.</li>
 * <li>TRANSLATOR: translations in the languages assigned to them.</li>
 * <li>MODERATOR: comments.</li>
 * </ul>
 */
public enum Role {
    ADMIN, EDITOR, AUTHOR, TRANSLATOR, MODERATOR
}
