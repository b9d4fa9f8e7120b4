package org.scriptorium.web.backoffice;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.identity.application.PasswordLinks;

/**
 * {@code /backoffice/forgot-password}: asks for an e-mail address and sends a reset link if an active account
 * has it. The answer is the same whether or not the account exists, so the page cannot be used to find out
 * who has an account.
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @Inject
    private PasswordLinks links;

    @Inject
    private Audit audit;

    private String email;

    public String send() {
        String address = email == null ? "" : email.strip();
        if (links.requestReset(address)) {
            audit.recordAs(address.toLowerCase(Locale.ROOT), "user.resetRequested", "user:" + address, "");
        }
        return "/backoffice/forgot-password.xhtml?faces-redirect=true&sent=1";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
