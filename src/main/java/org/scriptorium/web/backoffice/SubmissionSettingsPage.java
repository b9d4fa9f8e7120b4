package org.scriptorium.web.backoffice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.submissions.application.SubmissionIntake;
import org.scriptorium.web.common.Texts;

/** The submissions' own settings at {@code /backoffice/submissions-settings}: image size, fill time, rate limits. */
@Named
@RequestScoped
public class SubmissionSettingsPage {

    @Inject
    private SubmissionIntake intake;

    @Inject
    private SecurityContext security;

    @Inject
    private Texts texts;

    private Long imageMaxKilobytes;
    private Long minFillSeconds;
    private Long perAddressPerHour;
    private Long perEmailPerDay;

    @PostConstruct
    void load() {
        SubmissionIntake.Limits l = intake.limits();
        imageMaxKilobytes = l.imageMaxKilobytes();
        minFillSeconds = l.minFillSeconds();
        perAddressPerHour = l.perAddressPerHour();
        perEmailPerDay = l.perEmailPerDay();
    }

    public String save() {
        try {
            intake.changeLimits(security.getCallerPrincipal().getName(), new SubmissionIntake.Limits(
                    imageMaxKilobytes == null ? 0 : imageMaxKilobytes, minFillSeconds == null ? -1 : minFillSeconds,
                    perAddressPerHour == null ? -1 : perAddressPerHour, perEmailPerDay == null ? -1 : perEmailPerDay));
            return "/backoffice/submissions-settings.xhtml?faces-redirect=true&saved=1";
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    texts.get("submissionSettings.error"), null));
            return null;
        }
    }

    public Long getImageMaxKilobytes() {
        return imageMaxKilobytes;
    }

    public void setImageMaxKilobytes(Long v) {
        this.imageMaxKilobytes = v;
    }

    public Long getMinFillSeconds() {
        return minFillSeconds;
    }

    public void setMinFillSeconds(Long v) {
        this.minFillSeconds = v;
    }

    public Long getPerAddressPerHour() {
        return perAddressPerHour;
    }

    public void setPerAddressPerHour(Long v) {
        this.perAddressPerHour = v;
    }

    public Long getPerEmailPerDay() {
        return perEmailPerDay;
    }

    public void setPerEmailPerDay(Long v) {
        this.perEmailPerDay = v;
    }
}
