package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.content.application.ArticleForm;
import org.scriptorium.content.application.Choice;
import org.scriptorium.content.application.EditableArticle;
import org.scriptorium.content.application.EditorialException;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.EditorialService.Intent;
import org.scriptorium.content.application.EditorialService.OutdatedReport;
import org.scriptorium.content.application.EditorialService.SourceText;
import org.scriptorium.content.application.MediaLibrary;
import org.scriptorium.content.application.SaveOutcome;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.web.common.Formats;
import org.scriptorium.web.common.Texts;

/**
 * The article editor at {@code /backoffice/article?id=..&lang=..} (no id: a new article). Holds what the
 * user typed for the life of the view, so a refused save shows the form again exactly as typed, with the
 * reason next to the field in the user's language. A successful save redirects to the same address
 * (post-redirect-get) with a note saying what happened.
 *
 * <p>With {@code &from=xx} on a language the article lacks, the editor opens prefilled from that translation
 * ("translate into"), with the source shown read-only beside it. A translation made from another always shows
 * its source beside it; when the source changed since, the editor names the changed fields, shows what changed,
 * and offers to mark the translation up to date.
 */
@Named
@ViewScoped
public class ArticleEditor implements Serializable {

    private static final long serialVersionUID = 1L;
    /** UI-string keys of field labels are this prefix and the field name. */
    static final String FIELD_LABEL_PREFIX = "editor.field.";
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    private transient EditorialService editorial;

    @Inject
    private transient SecurityContext security;

    @Inject
    private transient Texts texts;

    @Inject
    private transient MediaLibrary media;

    private Long articleId;
    private String language;
    private String title;
    private String slug;
    private String excerpt;
    private String body;
    private String seoTitle;
    private String seoDescription;
    private List<String> categoryIds = new ArrayList<>();
    private String tags;
    private boolean commentsOpen = true;
    private long version;
    private String publishAt;
    private boolean exists;
    private PublicationStatus status = PublicationStatus.DRAFT;
    private Instant publishedAt;
    private int revision;
    private String authorName;
    private String featuredImage;
    private String imageAlt;
    private String translateFrom;
    private String sourceLanguage;
    private Set<String> outdatedFields = Set.of();
    private Set<String> languages = Set.of();
    private boolean sharedEditable = true;
    private boolean loaded;
    private transient SourceText sourceText;
    private transient OutdatedReport outdatedReport;

    /** Reads the address on the first request; answers 404 or 403 for what cannot be opened. */
    public void load() throws IOException {
        if (loaded) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String idParam = external.getRequestParameterMap().get("id");
        String langParam = external.getRequestParameterMap().get("lang");
        String fromParam = external.getRequestParameterMap().get("from");
        try {
            Optional<Long> id = idParam == null || idParam.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(idParam.strip()));
            Optional<String> from = fromParam == null || fromParam.isBlank() ? Optional.empty() : Optional.of(fromParam.strip());
            EditableArticle opened = editorial.open(caller(), id, langParam == null ? "" : langParam.strip(), from);
            translateFrom = opened.exists() ? null : opened.translatedFrom().orElse(null);
            fill(opened);
            loaded = true;
        } catch (NumberFormatException e) {
            external.responseSendError(404, null);
            faces.responseComplete();
        } catch (EditorialException e) {
            external.responseSendError(e.reason() == EditorialException.Reason.FORBIDDEN ? 403 : 404, null);
            faces.responseComplete();
        }
    }

    private void fill(EditableArticle opened) {
        ArticleForm f = opened.form();
        articleId = f.articleId();
        language = f.language();
        title = f.title();
        slug = f.slug();
        excerpt = f.excerpt();
        body = f.body();
        seoTitle = f.seoTitle();
        seoDescription = f.seoDescription();
        categoryIds = new ArrayList<>(f.categoryIds().stream().map(String::valueOf).toList());
        tags = f.tags();
        commentsOpen = f.commentsOpen();
        version = f.version();
        exists = opened.exists();
        status = opened.status();
        publishedAt = opened.publishAt().orElse(null);
        revision = opened.revision();
        authorName = opened.authorName();
        featuredImage = f.featuredImage();
        imageAlt = f.imageAlt();
        sourceLanguage = opened.translatedFrom().orElse(null);
        outdatedFields = opened.outdatedFields();
        languages = opened.languages();
        sharedEditable = opened.sharedEditable();
        publishAt = status == PublicationStatus.SCHEDULED && publishedAt != null
                ? LOCAL_INPUT.format(publishedAt.atZone(Formats.SITE_ZONE)) : "";
    }

    public String save() {
        return store(Intent.SAVE, Optional.empty());
    }

    public String publish() {
        return store(Intent.PUBLISH, Optional.empty());
    }

    public String unpublish() {
        return store(Intent.UNPUBLISH, Optional.empty());
    }

    /** Publishes at the typed date and time (in the site's zone), which must be in the future. */
    public String schedule() {
        if (publishAt == null || publishAt.isBlank()) {
            fieldError("publishAt", texts.get("editor.error.publishAtRequired"));
            return null;
        }
        Instant when;
        try {
            when = LocalDateTime.parse(publishAt.strip()).atZone(Formats.SITE_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            fieldError("publishAt", texts.get("editor.error.publishAtInvalid"));
            return null;
        }
        return store(Intent.SCHEDULE, Optional.of(when));
    }

    private String store(Intent intent, Optional<Instant> when) {
        List<Long> categories = categoryIds == null ? List.of()
                : categoryIds.stream().map(Long::parseLong).toList();
        ArticleForm form = new ArticleForm(articleId, language, title, slug, excerpt, body, seoTitle, seoDescription,
                categories, tags, commentsOpen, version, featuredImage == null ? "" : featuredImage,
                imageAlt == null ? "" : imageAlt);
        try {
            SaveOutcome outcome = editorial.save(caller(), form, intent, when, Optional.ofNullable(translateFrom));
            return "/backoffice/article.xhtml?faces-redirect=true&id=" + outcome.articleId() + "&lang="
                    + outcome.language() + "&saved=" + intent.name();
        } catch (EditorialException e) {
            report(e);
            return null;
        }
    }

    /** Declares the translation up to date with its source's current text. */
    public String markUpToDate() {
        try {
            editorial.markUpToDate(caller(), articleId, language);
            return "/backoffice/article.xhtml?faces-redirect=true&id=" + articleId + "&lang=" + language + "&saved=UP_TO_DATE";
        } catch (EditorialException e) {
            report(e);
            return null;
        }
    }

    private void report(EditorialException e) {
        if ("featuredImage".equals(e.field())) {
            fieldError("featuredImage", texts.get("editor.error.image"));
            return;
        }
        String message = switch (e.reason()) {
            case REQUIRED -> texts.get("editor.error.required");
            case TOO_LONG -> texts.get("editor.error.tooLong");
            case SLUG_TAKEN -> texts.get("editor.error.slugTaken");
            case NOT_IN_FUTURE -> texts.get("editor.error.notInFuture");
            case FORBIDDEN -> texts.get("editor.error.forbidden");
            case CONFLICT -> texts.get("editor.error.conflict");
            case NOT_FOUND -> texts.get("editor.error.notFound");
            case UNKNOWN_LANGUAGE -> texts.get("editor.error.language");
        };
        if (e.field().isEmpty() || "language".equals(e.field())) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        } else {
            fieldError(e.field(), message);
        }
    }

    private static void fieldError(String field, String message) {
        FacesContext.getCurrentInstance().addMessage("editor:" + field,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    /** The source shown read-only beside the translation, if it was made from (or is being made from) another. */
    public SourceText getSource() {
        if (sourceText == null && sourceLanguage != null && articleId != null) {
            sourceText = editorial.source(caller(), articleId, sourceLanguage);
        }
        return sourceText;
    }

    /** What changed in the source since this translation was made, when it is outdated. */
    public OutdatedReport getOutdatedReport() {
        if (outdatedReport == null && !outdatedFields.isEmpty() && exists) {
            outdatedReport = editorial.outdated(caller(), articleId, language).orElse(null);
        }
        return outdatedReport;
    }

    /** The languages this article can be translated into from here: the user's languages it still lacks. */
    public List<String> getTranslateTargets() {
        if (!exists) {
            return List.of();
        }
        return editorial.writableLanguages(caller()).stream().filter(l -> !languages.contains(l)).toList();
    }

    /** The media library's images to pick the featured image from, as site-relative addresses. */
    public List<String> getImageChoices() {
        return media.list().stream().map(name -> MediaLibrary.URL_PREFIX + name).toList();
    }

    /** A field name as the editor labels it, for the outdated notice. */
    public String fieldLabel(String field) {
        return texts.get(FIELD_LABEL_PREFIX + field);
    }

    public String getOutdatedFieldNames() {
        return String.join(", ", outdatedFields.stream().map(this::fieldLabel).toList());
    }

    /** Whether the user may change categories, tags, image and comments, which all languages share. */
    public boolean isSharedEditable() {
        return sharedEditable;
    }

    public boolean isOutdated() {
        return !outdatedFields.isEmpty();
    }

    public String getSourceLanguage() {
        return sourceLanguage;
    }

    public String getTranslateFrom() {
        return translateFrom;
    }

    public String getFeaturedImage() {
        return featuredImage;
    }

    public void setFeaturedImage(String featuredImage) {
        this.featuredImage = featuredImage;
    }

    public String getImageAlt() {
        return imageAlt;
    }

    public void setImageAlt(String imageAlt) {
        this.imageAlt = imageAlt;
    }

    public List<Choice> getCategoryChoices() {
        return editorial.categoryChoices(language);
    }

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    public boolean isUnpublishable() {
        return status == PublicationStatus.PUBLISHED || status == PublicationStatus.SCHEDULED;
    }

    public Long getArticleId() {
        return articleId;
    }

    public String getLanguage() {
        return language;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public void setExcerpt(String excerpt) {
        this.excerpt = excerpt;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getSeoTitle() {
        return seoTitle;
    }

    public void setSeoTitle(String seoTitle) {
        this.seoTitle = seoTitle;
    }

    public String getSeoDescription() {
        return seoDescription;
    }

    public void setSeoDescription(String seoDescription) {
        this.seoDescription = seoDescription;
    }

    public List<String> getCategoryIds() {
        return categoryIds;
    }

    public void setCategoryIds(List<String> categoryIds) {
        this.categoryIds = categoryIds;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public boolean isCommentsOpen() {
        return commentsOpen;
    }

    public void setCommentsOpen(boolean commentsOpen) {
        this.commentsOpen = commentsOpen;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }

    public boolean isExists() {
        return exists;
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public int getRevision() {
        return revision;
    }

    public String getAuthorName() {
        return authorName;
    }
}
