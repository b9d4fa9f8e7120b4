package org.scriptorium.identity.infrastructure;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login for the back office: anonymous requests to a protected page are redirected to
 * {@code /backoffice/login}, whose page authenticates through {@code SecurityContext} and then returns the
 * user to the page first asked for.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/backoffice/login", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"ADMIN", "EDITOR", "AUTHOR", "TRANSLATOR", "MODERATOR"})
@ApplicationScoped
public class BackofficeAuthentication {
}
