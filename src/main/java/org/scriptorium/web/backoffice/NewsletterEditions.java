package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.newsletter.application.EditionProgress;
import org.scriptorium.newsletter.application.EditionService;
import org.scriptorium.newsletter.application.NewsletterSettings;
import org.scriptorium.newsletter.domain.Edition;
import org.scriptorium.newsletter.domain.MissingLanguagePolicy;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.web.common.Texts;

/**
 * {@code /backoffice/newsletter/editions}: every edition with its status and sending progress, and the
 * sending settings (messages per second, what to do with articles missing in a language).
 */
@Named
@RequestScoped
public class NewsletterEditions {

    @Inject
    private EditionService editions;

    @Inject
    private NewsletterSettings settings;

    @Inject
    private SecurityContext security;

    @Inject
    private Texts texts;

    @Inject
    private Event<AuditEvent> audit;

    private List<Edition> all;
    private String rate;
    private String missing;

    /** An edition with its progress, for the table. */
    public record Row(Edition edition, EditionProgress progress) {
    }

    @PostConstruct
    void load() {
        rate = String.valueOf(settings.rate());
        missing = settings.missingPolicy().name();
    }

    public List<Row> getRows() {
        if (all == null) {
            all = editions.all();
        }
        return all.stream().map(e -> new Row(e, editions.progress(e.getId()))).toList();
    }

    public boolean isSending() {
        return getRows().stream().anyMatch(r -> r.edition().getStatus() == org.scriptorium.newsletter.domain.EditionStatus.SENDING);
    }

    public String save() {
        int r;
        try {
            r = Integer.parseInt(rate.strip());
        } catch (NumberFormatException | NullPointerException e) {
            r = -1;
        }
        if (!settings.save(r, "SOURCE".equals(missing) ? MissingLanguagePolicy.SOURCE : MissingLanguagePolicy.OMIT)) {
            FacesContext.getCurrentInstance().addMessage("settings:rate",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("nled.settings.rateInvalid"), null));
            return null;
        }
        String actor = security.getCallerPrincipal() == null ? "system" : security.getCallerPrincipal().getName();
        audit.fire(new AuditEvent(actor, "newsletter.settings", "newsletter:settings", r + "/s " + missing));
        return "/backoffice/newsletter/editions.xhtml?faces-redirect=true&saved=1";
    }

    public String getRate() {
        return rate;
    }

    public void setRate(String rate) {
        this.rate = rate;
    }

    public String getMissing() {
        return missing;
    }

    public void setMissing(String missing) {
        this.missing = missing;
    }
}
