package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.identity.application.LoginThrottle;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.ClientAddress;
import org.scriptorium.web.common.Texts;

/**
 * The back-office login form. Checks the throttle first, then authenticates through Jakarta Security,
 * which returns the user to the page first asked for. Every failure gets the same message, so that the
 * form never tells whether an account exists.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private Settings settings;

    @Inject
    private Texts texts;

    @Inject
    private Audit audit;

    private String email;
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String address = ClientAddress.of(request, settings.trustedProxies());
        String account = email == null ? "" : email.trim();

        Optional<Duration> wait = throttle.waitBeforeAttempt(account, address);
        if (wait.isPresent()) {
            error(faces, texts.format("login.throttled", Math.max(1, wait.get().toSeconds())));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(account, new Password(password == null ? "" : password))));
        switch (status) {
            case SUCCESS -> {
                throttle.recordSuccess(account);
                audit.recordAs(account.toLowerCase(Locale.ROOT), "user.login", "user:" + account, address);
                request.changeSessionId();
                external.redirect(external.getRequestContextPath() + "/backoffice/");
            }
            case SEND_CONTINUE -> {
                throttle.recordSuccess(account);
                audit.recordAs(account.toLowerCase(Locale.ROOT), "user.login", "user:" + account, address);
                faces.responseComplete();
            }
            default -> {
                throttle.recordFailure(account, address);
                audit.recordAs("anonymous", "user.loginFailed", "user:" + account, address);
                error(faces, texts.get("login.failed"));
            }
        }
    }

    private static void error(FacesContext faces, String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
