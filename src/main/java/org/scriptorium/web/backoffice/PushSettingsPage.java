package org.scriptorium.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.push.application.PushException;
import org.scriptorium.push.application.PushOptions;
import org.scriptorium.web.common.Texts;

/** The push notification settings at {@code /backoffice/push/settings} (ADMIN): how long a "No thanks" lasts. */
@Named
@RequestScoped
public class PushSettingsPage {

    @Inject
    private PushOptions options;

    @Inject
    private Texts texts;

    private String declineDays;

    @PostConstruct
    void load() {
        declineDays = String.valueOf(options.declineDays());
    }

    /** Stores the days; a value outside 1..365 or not a number is refused and stays in the field. */
    public String save() {
        try {
            options.changeDeclineDays(Integer.parseInt(declineDays == null ? "" : declineDays.strip()));
            return "/backoffice/push/settings.xhtml?faces-redirect=true&saved=1";
        } catch (NumberFormatException | PushException e) {
            FacesContext.getCurrentInstance().addMessage("settings:declineDays",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("push.error.range"), null));
            return null;
        }
    }

    public String getDeclineDays() {
        return declineDays;
    }

    public void setDeclineDays(String declineDays) {
        this.declineDays = declineDays;
    }
}
