package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.spam.application.AkismetGateway;
import org.scriptorium.comments.application.CommentService;
import org.scriptorium.comments.application.CommentSettings;
import org.scriptorium.comments.application.CommentSettingsStore;
import org.scriptorium.comments.domain.DiscardedComment;
import org.scriptorium.platform.audit.AuditEvent;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.spam.domain.KeyVerification;
import org.scriptorium.web.common.Texts;

/**
 * The comment settings at {@code /backoffice/comments/settings} (ADMIN): the Akismet key with a button that
 * verifies it and the current status, the moderation policy, flood interval, minimum fill time, link
 * limit, blocklists, reply depth, closing after N days, spam purge age and how moderators are told. Every
 * number is checked here and a wrong one is explained next to its field, with everything typed kept.
 */
@Named
@RequestScoped
public class CommentSettingsPage {

    @Inject
    private CommentSettingsStore store;

    @Inject
    private AkismetGateway akismet;

    @Inject
    private CommentService comments;

    @Inject
    private Settings settings;

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Texts texts;

    @Inject
    private Event<AuditEvent> audit;

    private String policy;
    private String floodSeconds;
    private String minFillSeconds;
    private String maxLinks;
    private String blockedWords;
    private String blockedIps;
    private String blockedEmails;
    private String maxDepth;
    private String closeAfterDays;
    private String spamPurgeDays;
    private String notification;
    private String akismetKey;
    private boolean clearKey;
    private String akismetEndpoint;

    @PostConstruct
    void load() {
        CommentSettings s = store.current();
        policy = s.policy().name();
        floodSeconds = String.valueOf(s.floodSeconds());
        minFillSeconds = String.valueOf(s.minFillSeconds());
        maxLinks = String.valueOf(s.maxLinks());
        blockedWords = String.join("\n", s.blockedWords());
        blockedIps = String.join("\n", s.blockedIps());
        blockedEmails = String.join("\n", s.blockedEmails());
        maxDepth = String.valueOf(s.maxDepth());
        closeAfterDays = String.valueOf(s.closeAfterDays());
        spamPurgeDays = String.valueOf(s.spamPurgeDays());
        notification = s.notification().name();
        akismetKey = "";
        akismetEndpoint = s.akismetEndpoint();
    }

    public String save() throws IOException {
        Integer flood = number("floodSeconds", floodSeconds, 0, 86400);
        Integer fill = number("minFillSeconds", minFillSeconds, 0, 3600);
        Integer links = number("maxLinks", maxLinks, 0, 1000);
        Integer depth = number("maxDepth", maxDepth, 1, 10);
        Integer close = number("closeAfterDays", closeAfterDays, 0, 36500);
        Integer purge = number("spamPurgeDays", spamPurgeDays, 1, 3650);
        boolean ok = flood != null && fill != null && links != null && depth != null && close != null && purge != null;
        for (String[] list : new String[][] {{"blockedWords", blockedWords}, {"blockedIps", blockedIps}, {"blockedEmails", blockedEmails}}) {
            if (list[1] != null && list[1].length() > 1900) {
                error(list[0], texts.get("commentSettings.tooLong"));
                ok = false;
            }
        }
        String endpoint = akismetEndpoint == null ? "" : akismetEndpoint.strip();
        if (!endpoint.isEmpty() && !endpoint.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            error("akismetEndpoint", texts.get("commentSettings.badEndpoint"));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        CommentSettings current = store.current();
        String key = clearKey ? "" : akismetKey == null || akismetKey.isBlank() ? current.akismetKey() : akismetKey.strip();
        // A choice the browser did not send (no radio button checked) keeps the stored one.
        CommentSettings.Policy chosenPolicy = policy == null || policy.isBlank() ? current.policy()
                : CommentSettings.Policy.valueOf(policy);
        CommentSettings.Notification chosenNotification = notification == null || notification.isBlank()
                ? current.notification() : CommentSettings.Notification.valueOf(notification);
        store.save(new CommentSettings(chosenPolicy, flood, fill, links,
                CommentSettings.lines(blockedWords), CommentSettings.lines(blockedIps), CommentSettings.lines(blockedEmails),
                depth, close, purge, chosenNotification, key, endpoint));
        audit.fire(new AuditEvent(caller(), "comment.settings", "settings:comments", ""));
        if (!key.equals(current.akismetKey()) || !endpoint.equals(current.akismetEndpoint())) {
            akismet.verify();
        }
        FacesContext.getCurrentInstance().getExternalContext().redirect(request.getContextPath()
                + "/backoffice/comments/settings?saved=1");
        return null;
    }

    public String verify() throws IOException {
        akismet.verify();
        audit.fire(new AuditEvent(caller(), "comment.akismet-verify", "settings:comments", ""));
        FacesContext.getCurrentInstance().getExternalContext().redirect(request.getContextPath()
                + "/backoffice/comments/settings?verified=1");
        return null;
    }

    /** Where the key comes from: the settings page, the environment, or nowhere. */
    public String getKeySource() {
        if (!store.current().akismetKey().isEmpty()) {
            return texts.get("commentSettings.keyFromPage");
        }
        if (settings.akismetKey().isPresent()) {
            return texts.get("commentSettings.keyFromEnv");
        }
        return texts.get("commentSettings.keyNone");
    }

    public boolean isActive() {
        return akismet.isActive();
    }

    /** The last verification as a sentence in the user's language. */
    public String getVerification() {
        Optional<KeyVerification> v = akismet.lastVerification();
        if (v.isEmpty()) {
            return texts.get("commentSettings.notVerified");
        }
        String reason = v.get().reasonText().orElse("");
        return switch (v.get().status()) {
            case VALID -> texts.get("commentSettings.valid");
            case INVALID -> texts.format("commentSettings.invalid", reason);
            case UNKNOWN -> texts.format("commentSettings.unknown", reason);
        };
    }

    public String getVerifiedAt() {
        return akismet.verifiedAt().map(String::valueOf).orElse("");
    }

    public String getEndpointInUse() {
        return akismet.client().settings().endpoint().toString();
    }

    public List<DiscardedComment> getDiscards() {
        return comments.discardLog(caller(), 20);
    }

    public List<String> getPolicies() {
        return List.of(CommentSettings.Policy.MODERATE_ALL.name(), CommentSettings.Policy.AUTO_APPROVE_KNOWN.name());
    }

    private Integer number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        error(field, texts.format("commentSettings.range", min, max));
        return null;
    }

    private static void error(String field, String message) {
        FacesContext.getCurrentInstance().addMessage("settings:" + field,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private String caller() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public String getFloodSeconds() {
        return floodSeconds;
    }

    public void setFloodSeconds(String floodSeconds) {
        this.floodSeconds = floodSeconds;
    }

    public String getMinFillSeconds() {
        return minFillSeconds;
    }

    public void setMinFillSeconds(String minFillSeconds) {
        this.minFillSeconds = minFillSeconds;
    }

    public String getMaxLinks() {
        return maxLinks;
    }

    public void setMaxLinks(String maxLinks) {
        this.maxLinks = maxLinks;
    }

    public String getBlockedWords() {
        return blockedWords;
    }

    public void setBlockedWords(String blockedWords) {
        this.blockedWords = blockedWords;
    }

    public String getBlockedIps() {
        return blockedIps;
    }

    public void setBlockedIps(String blockedIps) {
        this.blockedIps = blockedIps;
    }

    public String getBlockedEmails() {
        return blockedEmails;
    }

    public void setBlockedEmails(String blockedEmails) {
        this.blockedEmails = blockedEmails;
    }

    public String getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(String maxDepth) {
        this.maxDepth = maxDepth;
    }

    public String getCloseAfterDays() {
        return closeAfterDays;
    }

    public void setCloseAfterDays(String closeAfterDays) {
        this.closeAfterDays = closeAfterDays;
    }

    public String getSpamPurgeDays() {
        return spamPurgeDays;
    }

    public void setSpamPurgeDays(String spamPurgeDays) {
        this.spamPurgeDays = spamPurgeDays;
    }

    public String getNotification() {
        return notification;
    }

    public void setNotification(String notification) {
        this.notification = notification;
    }

    public String getAkismetKey() {
        return akismetKey;
    }

    public void setAkismetKey(String akismetKey) {
        this.akismetKey = akismetKey;
    }

    public boolean isClearKey() {
        return clearKey;
    }

    public void setClearKey(boolean clearKey) {
        this.clearKey = clearKey;
    }

    public String getAkismetEndpoint() {
        return akismetEndpoint;
    }

    public void setAkismetEndpoint(String akismetEndpoint) {
        this.akismetEndpoint = akismetEndpoint;
    }
}
