package org.scriptorium.web.site;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.scriptorium.content.application.Choice;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.submissions.application.SubmissionException;
import org.scriptorium.submissions.application.SubmissionForm;
import org.scriptorium.submissions.application.SubmissionIntake;
import org.scriptorium.submissions.application.UploadArea;
import org.scriptorium.submissions.domain.Submission;
import org.scriptorium.web.common.ClientAddress;
import org.scriptorium.web.common.RequestLanguage;
import org.scriptorium.web.common.Texts;

/**
 * The public "publish with us" form at {@code /{lang}/submit}: a stateless multipart Faces form. What the
 * reader typed comes back with the request; the pictures they chose are kept on the server under the form's
 * upload token, so a refusal (a missing field, a file that is not an image or is too large) shows the form
 * again with everything typed and every accepted picture still attached. A stored submission redirects to its
 * private status page.
 */
@Named
@RequestScoped
public class SubmitPage {

    @Inject
    private SubmissionIntake intake;

    @Inject
    private EditorialService editorial;

    @Inject
    private LanguageService languages;

    @Inject
    private RequestLanguage language;

    @Inject
    private Texts texts;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Settings settings;

    private String title;
    private String summary;
    private String story;
    private String storyLanguage;
    private String category;
    private String authorName;
    private String email;
    private String bio;
    private boolean consent;
    private String website;
    private String started;
    private String token;
    private Part image1;
    private Part image2;
    private Part image3;
    private boolean remove1;
    private boolean remove2;
    private boolean remove3;

    public String submit() throws IOException {
        boolean uploadsOk = true;
        Part[] parts = {image1, image2, image3};
        boolean[] removes = {remove1, remove2, remove3};
        if (!UploadArea.isToken(getToken())) {
            token = UploadArea.newToken();
        }
        for (int slot = 1; slot <= UploadArea.SLOTS; slot++) {
            Part part = parts[slot - 1];
            if (removes[slot - 1]) {
                intake.dropImage(token, slot);
            }
            if (part != null && part.getSize() > 0) {
                try {
                    intake.keepImage(token, slot, fileName(part), part.getInputStream());
                } catch (SubmissionException e) {
                    uploadsOk = false;
                    report(e);
                }
            }
        }
        remove1 = remove2 = remove3 = false;
        if (!uploadsOk) {
            return null;
        }
        try {
            SubmissionIntake.Received received = intake.submit(new SubmissionForm(getStoryLanguage(), title, summary, story,
                    category, authorName, email, bio, consent, website, started, token),
                    new Submission.Sender(ClientAddress.of(request, settings.trustedProxies()),
                            cut(request.getHeader("User-Agent"), 500), cut(request.getHeader("Referer"), 1000)));
            try {
                intake.checkSpam(received.id());
            } catch (RuntimeException e) {
                // Held for review: the submission is stored and the check is recorded as pending.
                java.util.logging.Logger.getLogger(SubmitPage.class.getName()).warning("Spam check failed for submission "
                        + received.id() + ": " + e);
            }
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/" + language.getCode() + "/submit/status/"
                    + URLEncoder.encode(received.statusToken(), StandardCharsets.UTF_8) + "?received");
            return null;
        } catch (SubmissionIntake.Refused refused) {
            refused.problems().forEach(this::report);
            return null;
        }
    }

    private void report(SubmissionException e) {
        String message = switch (e.reason()) {
            case REQUIRED -> texts.get("submit.error.required");
            case TOO_LONG -> texts.get("submit.error.tooLong");
            case EMAIL_INVALID -> texts.get("submit.error.email");
            case CONSENT_MISSING -> texts.get("submit.error.consent");
            case UNKNOWN_LANGUAGE -> texts.get("submit.error.language");
            case UNKNOWN_CATEGORY -> texts.get("submit.error.category");
            case IMAGE_NOT_AN_IMAGE -> texts.get("submit.error.notImage");
            case IMAGE_TOO_LARGE -> texts.format("submit.error.tooLarge", intake.imageMaxBytes() / 1024);
            case TOO_FAST -> texts.get("submit.error.tooFast");
            case RATE_LIMITED -> texts.get("submit.error.rateLimited");
            case NOT_FOUND, WRONG_STATUS -> texts.get("submit.error.general");
        };
        String field = switch (e.field()) {
            case "language" -> "storyLanguage";
            case "" -> null;
            default -> e.field();
        };
        FacesContext.getCurrentInstance().addMessage(field == null ? null : "submit:" + field,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private static String fileName(Part part) {
        String name = part.getSubmittedFileName();
        if (name == null) {
            return "image";
        }
        name = name.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    /** The pictures already attached to this form. */
    public List<UploadArea.Kept> getKept() {
        return UploadArea.isToken(token) ? intake.keptImages(token) : new ArrayList<>();
    }

    public boolean kept(int slot) {
        return getKept().stream().anyMatch(k -> k.slot() == slot);
    }

    public String keptName(int slot) {
        return getKept().stream().filter(k -> k.slot() == slot).map(k -> texts.format("submit.kept", k.originalName(),
                Math.max(1, k.size() / 1024))).findFirst().orElse("");
    }

    public long getMaxKilobytes() {
        return intake.imageMaxBytes() / 1024;
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public List<Choice> getCategories() {
        return editorial.categoryChoices(language.getCode());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getStory() {
        return story;
    }

    public void setStory(String story) {
        this.story = story;
    }

    public String getStoryLanguage() {
        if (storyLanguage == null) {
            storyLanguage = language.getCode();
        }
        return storyLanguage;
    }

    public void setStoryLanguage(String storyLanguage) {
        this.storyLanguage = storyLanguage;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getAuthorName() {
        return authorName;
    }

    public void setAuthorName(String authorName) {
        this.authorName = authorName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getStarted() {
        if (started == null && !FacesContext.getCurrentInstance().isPostback()) {
            started = intake.startStamp();
        }
        return started;
    }

    public void setStarted(String started) {
        this.started = started;
    }

    public String getToken() {
        if (token == null && !FacesContext.getCurrentInstance().isPostback()) {
            token = UploadArea.newToken();
        }
        return token;
    }

    public void setToken(String token) {
        this.token = UploadArea.isToken(token) ? token : UploadArea.newToken();
    }

    public Part getImage1() {
        return image1;
    }

    public void setImage1(Part image1) {
        this.image1 = image1;
    }

    public Part getImage2() {
        return image2;
    }

    public void setImage2(Part image2) {
        this.image2 = image2;
    }

    public Part getImage3() {
        return image3;
    }

    public void setImage3(Part image3) {
        this.image3 = image3;
    }

    public boolean isRemove1() {
        return remove1;
    }

    public void setRemove1(boolean remove1) {
        this.remove1 = remove1;
    }

    public boolean isRemove2() {
        return remove2;
    }

    public void setRemove2(boolean remove2) {
        this.remove2 = remove2;
    }

    public boolean isRemove3() {
        return remove3;
    }

    public void setRemove3(boolean remove3) {
        this.remove3 = remove3;
    }
}
