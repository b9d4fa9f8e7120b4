package org.scriptorium.identity.infrastructure;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;

/** Jakarta Security's view of our users: the e-mail is the caller name and the roles are the groups. */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    private UserService users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.authenticate(login.getCaller(), login.getPassword().getValue())
                .map(DatabaseIdentityStore::toResult)
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static CredentialValidationResult toResult(User user) {
        Set<String> groups = user.getRoles().stream().map(Role::name).collect(Collectors.toSet());
        return new CredentialValidationResult(user.getEmail(), groups);
    }
}
