package org.scriptorium.identity.application;

import java.util.Set;

import org.scriptorium.identity.domain.Role;

/**
 * What an administrator types about a user: the e-mail (used only when creating), the name, the roles,
 * the languages a translator may edit and whether the account is active.
 */
public record UserForm(String email, String name, Set<Role> roles, Set<String> translatorLanguages, boolean active) {
}
