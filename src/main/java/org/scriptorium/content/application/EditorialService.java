package org.scriptorium.content.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.application.EditorialException.Reason;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.ArticlePublished;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.content.domain.ArticleUnpublished;
import org.scriptorium.content.domain.ArticleUpdated;
import org.scriptorium.content.domain.Category;
import org.scriptorium.content.domain.CategoryRepository;
import org.scriptorium.content.domain.ContentEvent;
import org.scriptorium.content.domain.EditorialQuery;
import org.scriptorium.content.domain.FieldFingerprint;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.domain.SlugRedirect;
import org.scriptorium.content.domain.SlugRedirectRepository;
import org.scriptorium.content.domain.Tag;
import org.scriptorium.content.domain.TagRepository;
import org.scriptorium.content.domain.TranslationEdited;
import org.scriptorium.content.domain.TranslationHistory;
import org.scriptorium.content.domain.TranslationRevision;
import org.scriptorium.i18n.domain.SiteLanguageRepository;
import org.scriptorium.identity.application.Slugs;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.domain.UserRepository;
import org.scriptorium.platform.audit.AuditEvent;

/**
 * Writing articles in the back office: the list editors work from, opening a translation, saving it as a
 * draft, publishing it now or at a time, withdrawing it, and publishing what is due.
 *
 * <p>Every operation names the acting user by login e-mail and checks what their roles allow: ADMIN and
 * EDITOR everything; AUTHOR only articles they wrote (and they write new ones); TRANSLATOR only
 * translations in their assigned languages, of existing articles. Anything else is refused with
 * {@link EditorialException} ({@link Reason#FORBIDDEN}), as are invalid input and slug clashes, before
 * anything is changed.
 *
 * <p>Bodies are sanitised with {@link BodySanitizer} on every save. When the slug of a published
 * translation changes, the old one is kept as a {@link SlugRedirect}. Whenever what readers see changes,
 * an {@link ArticlePublished}, {@link ArticleUpdated} or {@link ArticleUnpublished} event is fired inside
 * the transaction; observers (page cache, sitemaps) act after the commit. State lives only in the
 * database, so scheduled publishing survives restarts: {@link #publishDue()} is called by a timer.
 *
 * <p>Every save is kept as a revision in the content history ({@link TranslationHistory}, Hibernate Envers);
 * two revisions can be compared word by word and an earlier text restored, which is itself a new revision.
 * A save that changes a translation's text fires {@link TranslationEdited}, so that translations made from it
 * are marked outdated; every action is announced as an {@link AuditEvent} for the audit log.
 */
@ApplicationScoped
@Transactional
public class EditorialService {

    /** Maximum lengths of the stored fields, as in the schema. */
    static final int TITLE_MAX = 300;
    static final int SLUG_MAX = 200;
    static final int EXCERPT_MAX = 1000;
    static final int SEO_TITLE_MAX = 200;
    static final int SEO_DESCRIPTION_MAX = 400;
    static final int BODY_MAX = 1_000_000;
    static final int IMAGE_ALT_MAX = 300;
    private static final int DUE_BATCH = 100;
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    /** What the editor asks a save to do besides storing the text. */
    public enum Intent {
        /** Store the text; a new translation is a draft, an existing one keeps its status. */
        SAVE,
        /** Store and make visible now. */
        PUBLISH,
        /** Store and publish at a future time. */
        SCHEDULE,
        /** Store and take off the site. */
        UNPUBLISH
    }

    private ArticleRepository articles;
    private CategoryRepository categories;
    private TagRepository tags;
    private SlugRedirectRepository redirects;
    private UserRepository users;
    private SiteLanguageRepository languages;
    private Event<ContentEvent> events;
    private Clock clock;
    private TranslationHistory history;
    private Event<TranslationEdited> edits;
    private Event<AuditEvent> audit;

    protected EditorialService() {
    }

    @Inject
    public EditorialService(ArticleRepository articles, CategoryRepository categories, TagRepository tags,
                            SlugRedirectRepository redirects, UserRepository users, SiteLanguageRepository languages,
                            Event<ContentEvent> events, Clock clock, TranslationHistory history,
                            Event<TranslationEdited> edits, Event<AuditEvent> audit) {
        this.articles = articles;
        this.categories = categories;
        this.tags = tags;
        this.redirects = redirects;
        this.users = users;
        this.languages = languages;
        this.events = events;
        this.clock = clock;
        this.history = history;
        this.edits = edits;
        this.audit = audit;
    }

    /**
     * A page of translations for the back-office list. AUTHORs see only their articles and TRANSLATORs only
     * their languages, whatever the filter says; users with neither an editorial role see nothing.
     */
    public Paged<ArticleRow> list(String editorEmail, ArticleFilter filter, int page, int size) {
        User editor = editor(editorEmail);
        Optional<Long> onlyAuthor = Optional.empty();
        Optional<Set<String>> onlyLanguages = Optional.empty();
        if (!isEditor(editor)) {
            boolean author = editor.hasRole(Role.AUTHOR);
            boolean translator = editor.hasRole(Role.TRANSLATOR);
            if (!author && !translator) {
                throw new EditorialException(Reason.FORBIDDEN, "");
            }
            if (author) {
                onlyAuthor = Optional.of(editor.getId());
            }
            if (translator) {
                onlyLanguages = Optional.of(editor.getTranslatorLanguages());
            }
        }
        EditorialQuery query = new EditorialQuery(filter.language(), filter.status(), filter.categoryId(),
                filter.authorId(), filter.titleText().map(String::strip).filter(s -> !s.isEmpty()), onlyAuthor,
                onlyLanguages, filter.sort());
        long total = articles.countForEditors(query);
        int pages = Paged.pages(total, size);
        int current = Math.min(Math.max(1, page), pages);
        List<ArticleRow> rows = articles.findForEditors(query, (current - 1) * size, size).stream()
                .map(EditorialService::row).toList();
        return new Paged<>(rows, current, pages, total);
    }

    /** The filters of the article list; every one optional. */
    public record ArticleFilter(Optional<String> language, Optional<PublicationStatus> status,
                                Optional<Long> categoryId, Optional<Long> authorId, Optional<String> titleText,
                                EditorialQuery.Sort sort) {

        public static ArticleFilter none() {
            return new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), EditorialQuery.Sort.UPDATED);
        }
    }

    /**
     * Opens a translation for editing: the stored one, or an empty form when the article has no translation
     * in the language yet ({@code articleId} empty for a new article).
     */
    public EditableArticle open(String editorEmail, Optional<Long> articleId, String language) {
        return open(editorEmail, articleId, language, Optional.empty());
    }

    /**
     * Opens a translation for editing; when the article lacks the language and {@code translateFrom} names
     * one of its translations, the new form is prefilled with that translation's text ("translate into").
     */
    public EditableArticle open(String editorEmail, Optional<Long> articleId, String language,
                                Optional<String> translateFrom) {
        User editor = editor(editorEmail);
        requireLanguage(language);
        if (articleId.isEmpty()) {
            requireMayCreate(editor, language);
            ArticleForm form = new ArticleForm(null, language, "", "", "", "", "", "", List.of(), "", true, 0, "", "");
            return new EditableArticle(form, false, PublicationStatus.DRAFT, Optional.empty(), 0, editor.getName(),
                    Optional.empty(), Set.of(), Set.of(), true);
        }
        Article article = articles.findById(articleId.get()).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        requireMayEdit(editor, article, language);
        List<Long> categoryIds = article.getCategories().stream().map(Category::getId).toList();
        String tagNames = String.join(", ", article.getTags().stream()
                .map(t -> t.translation(language).map(tt -> tt.getName()).orElse(null))
                .filter(n -> n != null).toList());
        String image = article.getFeaturedImage().orElse("");
        Optional<ArticleTranslation> existing = article.translation(language);
        if (existing.isEmpty()) {
            Optional<ArticleTranslation> source = translateFrom.filter(from -> !from.equals(language))
                    .flatMap(article::translation);
            if (translateFrom.isPresent() && source.isEmpty()) {
                throw new EditorialException(Reason.NOT_FOUND, "");
            }
            ArticleForm form = source.map(src -> new ArticleForm(article.getId(), language, src.getTitle(), "",
                            nz(src.getExcerpt()), src.getBody(), nz(src.getSeoTitle()), nz(src.getSeoDescription()),
                            categoryIds, tagNames, article.isCommentsOpen(), 0, image, nz(src.getFeaturedImageAlt())))
                    .orElseGet(() -> new ArticleForm(article.getId(), language, "", "", "", "", "", "", categoryIds,
                            tagNames, article.isCommentsOpen(), 0, image, ""));
            return new EditableArticle(form, false, PublicationStatus.DRAFT, Optional.empty(), 0,
                    article.getAuthor().getName(), source.map(ArticleTranslation::getLanguage), Set.of(),
                    new TreeSet<>(article.getTranslations().keySet()), maySetSharedFacts(editor, article));
        }
        ArticleTranslation t = existing.get();
        ArticleForm form = new ArticleForm(article.getId(), language, t.getTitle(), t.getSlug(), nz(t.getExcerpt()),
                t.getBody(), nz(t.getSeoTitle()), nz(t.getSeoDescription()), categoryIds, tagNames,
                article.isCommentsOpen(), t.getVersion(), image, nz(t.getFeaturedImageAlt()));
        Optional<String> from = t.getSource().map(ref -> ref.getTranslation()).map(ArticleTranslation::getLanguage);
        return new EditableArticle(form, true, t.getStatus(), t.getPublishAt(), t.getRevision(),
                article.getAuthor().getName(), from, t.getOutdatedFields(), new TreeSet<>(article.getTranslations().keySet()),
                maySetSharedFacts(editor, article));
    }

    /**
     * Stores a translation and does what the intent says. A new article gets the acting user as author and
     * the form's language as source language.
     *
     * @param scheduleAt required for {@link Intent#SCHEDULE}, and must then be in the future
     * @throws EditorialException when refused; nothing is stored then
     */
    public SaveOutcome save(String editorEmail, ArticleForm form, Intent intent, Optional<Instant> scheduleAt) {
        return save(editorEmail, form, intent, scheduleAt, Optional.empty());
    }

    /**
     * Stores a translation as {@link #save(String, ArticleForm, Intent, Optional)} does; a translation created
     * here from another ({@code translateFrom}, a language of the same article) records that source, so that
     * later changes of the source mark it outdated.
     */
    public SaveOutcome save(String editorEmail, ArticleForm typed, Intent intent, Optional<Instant> scheduleAt,
                            Optional<String> translateFrom) {
        ArticleForm form = withoutControlCharacters(typed);
        User editor = editor(editorEmail);
        Instant now = clock.instant();
        String language = form.language();
        requireLanguage(language);
        String title = strip(form.title());
        validate(form, title);
        if (intent == Intent.SCHEDULE) {
            Instant when = scheduleAt.orElseThrow(() -> new EditorialException(Reason.REQUIRED, "publishAt"));
            if (!when.isAfter(now)) {
                throw new EditorialException(Reason.NOT_IN_FUTURE, "publishAt");
            }
        }
        Article article;
        if (form.articleId() == null) {
            requireMayCreate(editor, language);
            article = null;
        } else {
            article = articles.findById(form.articleId()).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
            requireMayEdit(editor, article, language);
        }
        Optional<ArticleTranslation> existing = article == null ? Optional.empty() : article.translation(language);
        if (existing.isPresent() && existing.get().getVersion() != form.version()) {
            throw new EditorialException(Reason.CONFLICT, "");
        }
        Long ownId = existing.map(ArticleTranslation::getId).orElse(null);
        String slug = chooseSlug(form, title, language, ownId);
        Set<Category> chosenCategories = resolveCategories(form.categoryIds());
        String body = BodySanitizer.sanitize(form.body());
        if (body.length() > BODY_MAX) {
            throw new EditorialException(Reason.TOO_LONG, "body");
        }
        Optional<String> typedImage = form.featuredImage() == null ? Optional.empty() : chosenImage(form.featuredImage());
        Optional<ArticleTranslation> source = article == null || existing.isPresent() ? Optional.empty()
                : translateFrom.filter(from -> !from.equals(language)).flatMap(article::translation);

        if (article == null) {
            article = articles.save(new Article(editor, language, now));
        }
        boolean visibleBefore = existing.map(t -> t.isVisibleAt(now)).orElse(false);
        ArticleTranslation translation = existing.orElseGet(() -> null);
        FieldFingerprint textBefore = translation == null ? null : translation.fingerprint();
        boolean changed;
        if (translation == null) {
            translation = articles.save(article).addTranslation(language, title, slug, body, now);
            translation.edit(title, blankToNull(form.excerpt()), body, blankToNull(form.seoTitle()),
                    blankToNull(form.seoDescription()), now);
            changed = true;
            source.ifPresent(translation::translatedFrom);
        } else {
            int revisionBefore = translation.getRevision();
            translation.edit(title, blankToNull(form.excerpt()), body, blankToNull(form.seoTitle()),
                    blankToNull(form.seoDescription()), now);
            changed = translation.getRevision() != revisionBefore;
            Optional<String> oldSlug = translation.changeSlug(slug, now);
            if (oldSlug.isPresent()) {
                changed = true;
                if (visibleBefore) {
                    redirects.save(new SlugRedirect(SlugKind.ARTICLE, language, oldSlug.get(), translation.getId(), now));
                }
            }
        }
        translation.savedBy(editor.getEmail());
        if (form.imageAlt() != null) {
            String alt = blankToNull(form.imageAlt());
            if (!Objects.equals(alt, translation.getFeaturedImageAlt())) {
                translation.describeImage(alt);
                changed = true;
            }
        }
        boolean shared = maySetSharedFacts(editor, article);
        Set<Tag> chosenTags = shared ? resolveTags(form.tags(), language) : new LinkedHashSet<>(article.getTags());
        // tags without a name in this language were not in the form: they stay
        article.getTags().stream().filter(t -> t.translation(language).isEmpty()).forEach(chosenTags::add);
        if (!shared) {
            chosenCategories = new LinkedHashSet<>(article.getCategories());
        }
        boolean commentsOpen = shared ? form.commentsOpen() : article.isCommentsOpen();
        boolean imageChanged = shared && form.featuredImage() != null && !typedImage.equals(article.getFeaturedImage());
        boolean sharedChanged = !article.getCategories().equals(chosenCategories) || !article.getTags().equals(chosenTags)
                || article.isCommentsOpen() != commentsOpen || imageChanged;
        if (imageChanged) {
            article.changeFeaturedImage(typedImage.orElse(null));
        }
        article.refileUnder(chosenCategories);
        article.retag(chosenTags);
        article.setCommentsOpen(commentsOpen);
        if (sharedChanged) {
            article.touch(now);
        }

        switch (intent) {
            case PUBLISH -> translation.publish(now);
            case SCHEDULE -> translation.publishAt(scheduleAt.orElseThrow(), now);
            case UNPUBLISH -> translation.unpublish(now);
            case SAVE -> {
                // the status stays as it is
            }
        }
        articles.save(article);
        boolean visibleAfter = translation.isVisibleAt(now);
        long articleId = article.getId();
        if (!visibleBefore && visibleAfter) {
            events.fire(new ArticlePublished(articleId, language, now));
        } else if (visibleBefore && !visibleAfter) {
            events.fire(new ArticleUnpublished(articleId, language, now));
        } else if (visibleAfter && (changed || sharedChanged)) {
            events.fire(new ArticleUpdated(articleId, language, now));
        }
        if (textBefore != null) {
            Set<String> changedFields = textBefore.changedFields(translation.fingerprint());
            if (!changedFields.isEmpty()) {
                edits.fire(new TranslationEdited(translation.getId(), articleId, language, changedFields, now));
            }
        }
        audit.fire(new AuditEvent(editor.getEmail(), "article." + intent.name().toLowerCase(Locale.ROOT),
                target(articleId, language), title));
        return new SaveOutcome(articleId, language, translation.getStatus(), translation.getRevision(),
                translation.getSlug());
    }

    /**
     * Publishes every SCHEDULED translation whose time has come, firing {@link ArticlePublished} for each.
     * Called by the publishing timer; safe to call at any time.
     *
     * @return how many translations were published
     */
    public int publishDue() {
        Instant now = clock.instant();
        List<ArticleTranslation> due = articles.findDueForPublishing(now, DUE_BATCH);
        for (ArticleTranslation t : due) {
            t.publish(now);
            events.fire(new ArticlePublished(t.getArticle().getId(), t.getLanguage(), now));
            audit.fire(new AuditEvent("system", "article.publish", target(t.getArticle().getId(), t.getLanguage()),
                    "scheduled"));
        }
        return due.size();
    }

    /** The categories to choose from, as "Parent › Child" in the language (or the first name it has). */
    public List<Choice> categoryChoices(String language) {
        List<Choice> out = new ArrayList<>();
        for (Category top : categories.findTopLevel()) {
            addCategory(top, "", language, out);
        }
        return out;
    }

    /** The authors to filter by: every user, by name. */
    public List<Choice> authorChoices() {
        return users.findAll().stream().map(u -> new Choice(u.getId(), u.getName())).toList();
    }

    /** The languages the user may write in: all site languages for editors and authors, assigned ones for translators. */
    public List<String> writableLanguages(String editorEmail) {
        User editor = editor(editorEmail);
        List<String> all = languages.findAll().stream().map(l -> l.getCode()).toList();
        if (isEditor(editor) || editor.hasRole(Role.AUTHOR)) {
            return all;
        }
        return all.stream().filter(editor.getTranslatorLanguages()::contains).toList();
    }

    private void addCategory(Category c, String prefix, String language, List<Choice> out) {
        String name = c.translation(language).map(t -> t.getName())
                .orElseGet(() -> c.getTranslations().values().stream().map(t -> t.getName()).findFirst().orElse("#" + c.getId()));
        String label = prefix + name;
        out.add(new Choice(c.getId(), label));
        for (Category child : c.getChildren()) {
            addCategory(child, label + " › ", language, out);
        }
    }

    /** One entry of a translation's revision list. */
    public record RevisionEntry(long number, Instant savedAt, String savedBy, int revision, PublicationStatus status,
                                String title) {
    }

    /** The word-level differences of one field between two texts; {@code changed} is false when they are equal. */
    public record FieldDiff(String field, List<TextDiff.Segment> segments, boolean changed) {
    }

    /** Why a translation is outdated: its source's language, the changed fields and what changed in them. */
    public record OutdatedReport(String sourceLanguage, Set<String> fields, List<FieldDiff> diffs) {
    }

    /** The text of a translation shown read-only beside the one being translated. */
    public record SourceText(long articleId, String language, String title, String excerpt, String bodyHtml,
                             String seoTitle, String seoDescription, int revision) {
    }

    /** Every saved revision of a translation, newest first. */
    public List<RevisionEntry> revisions(String editorEmail, long articleId, String language) {
        ArticleTranslation t = editableTranslation(editorEmail, articleId, language);
        return history.revisions(t.getId()).stream()
                .map(r -> new RevisionEntry(r.number(), r.savedAt(), r.savedBy(), r.revision(), r.status(), r.title()))
                .toList();
    }

    /**
     * Compares two revisions of a translation field by field, word by word ({@code older} to {@code newer});
     * bodies are compared as the text readers read.
     */
    public List<FieldDiff> compare(String editorEmail, long articleId, String language, long older, long newer) {
        ArticleTranslation t = editableTranslation(editorEmail, articleId, language);
        TranslationRevision a = history.revision(t.getId(), older).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        TranslationRevision b = history.revision(t.getId(), newer).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        Map<String, String> before = new LinkedHashMap<>(a.fields());
        Map<String, String> after = new LinkedHashMap<>(b.fields());
        before.put("slug", nz(a.slug()));
        after.put("slug", nz(b.slug()));
        return diffs(before, after);
    }

    /**
     * Puts the text of an earlier revision (title, excerpt, body, SEO fields) back as the current text; the
     * slug and the publication status stay. The restore is itself a new revision.
     */
    public SaveOutcome restore(String editorEmail, long articleId, String language, long number) {
        User editor = editor(editorEmail);
        ArticleTranslation t = editableTranslation(editorEmail, articleId, language);
        TranslationRevision r = history.revision(t.getId(), number)
                .orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        Instant now = clock.instant();
        FieldFingerprint before = t.fingerprint();
        t.edit(r.title(), r.excerpt(), BodySanitizer.sanitize(nz(r.body())), r.seoTitle(), r.seoDescription(), now);
        t.savedBy(editor.getEmail());
        Set<String> changedFields = before.changedFields(t.fingerprint());
        if (!changedFields.isEmpty()) {
            if (t.isVisibleAt(now)) {
                events.fire(new ArticleUpdated(articleId, language, now));
            }
            edits.fire(new TranslationEdited(t.getId(), articleId, language, changedFields, now));
        }
        audit.fire(new AuditEvent(editor.getEmail(), "article.restore", target(articleId, language),
                "revision " + number));
        return new SaveOutcome(articleId, language, t.getStatus(), t.getRevision(), t.getSlug());
    }

    /**
     * What changed in the source since an outdated translation was made from it, field by field; empty
     * when the translation is up to date or made from no other.
     */
    public Optional<OutdatedReport> outdated(String editorEmail, long articleId, String language) {
        ArticleTranslation t = editableTranslation(editorEmail, articleId, language);
        if (!t.isOutdated() || t.getSource().isEmpty() || t.getSource().get().getTranslation() == null) {
            return Optional.empty();
        }
        ArticleTranslation source = t.getSource().get().getTranslation();
        Integer since = t.getSource().get().getRevision();
        Map<String, String> then = history.revisions(source.getId()).stream()
                .filter(r -> since != null && r.revision() == since).findFirst()
                .map(TranslationRevision::fields).orElseGet(LinkedHashMap::new);
        Map<String, String> now = new LinkedHashMap<>();
        now.put("title", nz(source.getTitle()));
        now.put("excerpt", nz(source.getExcerpt()));
        now.put("body", nz(source.getBody()));
        now.put("seoTitle", nz(source.getSeoTitle()));
        now.put("seoDescription", nz(source.getSeoDescription()));
        List<FieldDiff> diffs = diffs(then, now).stream().filter(d -> t.getOutdatedFields().contains(d.field())).toList();
        return Optional.of(new OutdatedReport(source.getLanguage(), t.getOutdatedFields(), diffs));
    }

    /** Declares a translation up to date with its source's current text, clearing the outdated mark. */
    public void markUpToDate(String editorEmail, long articleId, String language) {
        User editor = editor(editorEmail);
        ArticleTranslation t = editableTranslation(editorEmail, articleId, language);
        t.markUpToDate();
        audit.fire(new AuditEvent(editor.getEmail(), "translation.up-to-date", target(articleId, language), ""));
    }

    /**
     * The text of one translation, to be read beside another being written. Anyone who may work on the
     * article may read it: editors, its author, and translators (who translate from it).
     */
    public SourceText source(String editorEmail, long articleId, String language) {
        User editor = editor(editorEmail);
        Article article = articles.findById(articleId).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        requireMayRead(editor, article);
        ArticleTranslation t = article.translation(language).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        return new SourceText(articleId, language, t.getTitle(), nz(t.getExcerpt()), t.getBody(), nz(t.getSeoTitle()),
                nz(t.getSeoDescription()), t.getRevision());
    }

    /**
     * A stored translation as the public site would show it, whatever its status: for the back-office
     * preview, which renders it through the active theme.
     */
    public ArticleView preview(String editorEmail, long articleId, String language) {
        User editor = editor(editorEmail);
        Article article = articles.findById(articleId).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        requireMayRead(editor, article);
        ArticleTranslation t = article.translation(language).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        return ReadingService.view(t, clock.instant());
    }

    /** The state of one article in one language, as the translation matrix shows it. */
    public record MatrixCell(String language, Optional<PublicationStatus> status, Set<String> outdatedFields,
                             boolean mayEdit) {

        /** MISSING, OUTDATED, or the status name. */
        public String state() {
            if (status.isEmpty()) {
                return "MISSING";
            }
            return outdatedFields.isEmpty() ? status.get().name() : "OUTDATED";
        }

        public boolean isMissing() {
            return status.isEmpty();
        }
    }

    /** One article of the translation matrix: its title in its source language and a cell per site language. */
    public record MatrixRow(long articleId, String title, String sourceLanguage, String authorName,
                            List<MatrixCell> cells) {
    }

    /**
     * The articles by site language, most recently changed first: which translations are missing, draft,
     * scheduled, published or outdated. AUTHORs see their own articles; each cell says whether the user may
     * act on it (a TRANSLATOR only in their languages).
     */
    public Paged<MatrixRow> matrix(String editorEmail, int page, int size) {
        User editor = editor(editorEmail);
        if (!isEditor(editor) && !editor.hasRole(Role.AUTHOR) && !editor.hasRole(Role.TRANSLATOR)) {
            throw new EditorialException(Reason.FORBIDDEN, "");
        }
        Optional<Long> onlyAuthor = !isEditor(editor) && editor.hasRole(Role.AUTHOR) && !editor.hasRole(Role.TRANSLATOR)
                ? Optional.of(editor.getId()) : Optional.empty();
        List<String> codes = languages.findAll().stream().map(l -> l.getCode()).toList();
        long total = articles.countArticles(onlyAuthor);
        int pages = Paged.pages(total, size);
        int current = Math.min(Math.max(1, page), pages);
        List<MatrixRow> rows = new ArrayList<>();
        for (Article a : articles.findArticles(onlyAuthor, (current - 1) * size, size)) {
            String title = a.sourceTranslation().or(() -> a.getTranslations().values().stream().findFirst())
                    .map(ArticleTranslation::getTitle).orElse("#" + a.getId());
            List<MatrixCell> cells = codes.stream().map(code -> {
                Optional<ArticleTranslation> t = a.translation(code);
                return new MatrixCell(code, t.map(ArticleTranslation::getStatus),
                        t.map(ArticleTranslation::getOutdatedFields).orElse(Set.of()), mayEdit(editor, a, code));
            }).toList();
            rows.add(new MatrixRow(a.getId(), title, a.getSourceLanguage(), a.getAuthor().getName(), cells));
        }
        return new Paged<>(rows, current, pages, total);
    }

    private ArticleTranslation editableTranslation(String editorEmail, long articleId, String language) {
        User editor = editor(editorEmail);
        Article article = articles.findById(articleId).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
        requireMayEdit(editor, article, language);
        return article.translation(language).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, ""));
    }

    private static List<FieldDiff> diffs(Map<String, String> before, Map<String, String> after) {
        List<FieldDiff> out = new ArrayList<>();
        for (String field : after.keySet()) {
            String a = nz(before.get(field));
            String b = nz(after.get(field));
            if ("body".equals(field)) {
                a = TextDiff.readable(a);
                b = TextDiff.readable(b);
            }
            List<TextDiff.Segment> segments = TextDiff.compare(a, b);
            out.add(new FieldDiff(field, segments, TextDiff.changed(segments)));
        }
        return out;
    }

    /** A featured image must be a file of the media library, given by its site-relative address. */
    private static Optional<String> chosenImage(String typed) {
        String value = typed.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.startsWith(MediaLibrary.URL_PREFIX)
                || !MediaLibrary.isValidName(value.substring(MediaLibrary.URL_PREFIX.length()))) {
            throw new EditorialException(Reason.NOT_FOUND, "featuredImage");
        }
        return Optional.of(value);
    }

    private static String target(long articleId, String language) {
        return "article:" + articleId + "/" + language;
    }

    private static boolean mayEdit(User user, Article article, String language) {
        try {
            requireMayEdit(user, article, language);
            return true;
        } catch (EditorialException e) {
            return false;
        }
    }

    /**
     * Categories, tags, the featured image and comments are shared by every language: editors and the
     * article's author set them (also on a new article); a translator's save leaves them as they are.
     */
    private static boolean maySetSharedFacts(User user, Article article) {
        return isEditor(user) || article.getId() == null
                || user.hasRole(Role.AUTHOR) && article.getAuthor().getId().equals(user.getId());
    }

    private static void requireMayRead(User user, Article article) {
        boolean ownArticle = user.hasRole(Role.AUTHOR) && article.getAuthor().getId().equals(user.getId());
        if (!isEditor(user) && !ownArticle && !user.hasRole(Role.TRANSLATOR)) {
            throw new EditorialException(Reason.FORBIDDEN, "");
        }
    }

    private User editor(String email) {
        return users.findByEmail(email).filter(User::isActive)
                .orElseThrow(() -> new EditorialException(Reason.FORBIDDEN, ""));
    }

    private static boolean isEditor(User user) {
        return user.hasRole(Role.ADMIN) || user.hasRole(Role.EDITOR);
    }

    private static void requireMayCreate(User user, String language) {
        if (!isEditor(user) && !user.hasRole(Role.AUTHOR)) {
            throw new EditorialException(Reason.FORBIDDEN, "");
        }
    }

    private static void requireMayEdit(User user, Article article, String language) {
        if (isEditor(user)) {
            return;
        }
        boolean ownArticle = user.hasRole(Role.AUTHOR) && article.getAuthor().getId().equals(user.getId());
        boolean ownLanguage = user.hasRole(Role.TRANSLATOR) && user.getTranslatorLanguages().contains(language);
        if (!ownArticle && !ownLanguage) {
            throw new EditorialException(Reason.FORBIDDEN, "");
        }
    }

    private void requireLanguage(String language) {
        if (language == null || languages.findAll().stream().noneMatch(l -> l.getCode().equals(language))) {
            throw new EditorialException(Reason.UNKNOWN_LANGUAGE, "language");
        }
    }

    private static void validate(ArticleForm form, String title) {
        if (title.isEmpty()) {
            throw new EditorialException(Reason.REQUIRED, "title");
        }
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("title", TITLE_MAX);
        limits.put("slug", SLUG_MAX);
        limits.put("excerpt", EXCERPT_MAX);
        limits.put("seoTitle", SEO_TITLE_MAX);
        limits.put("seoDescription", SEO_DESCRIPTION_MAX);
        limits.put("imageAlt", IMAGE_ALT_MAX);
        Map<String, String> values = Map.of("title", title, "slug", nz(form.slug()), "excerpt", nz(form.excerpt()),
                "seoTitle", nz(form.seoTitle()), "seoDescription", nz(form.seoDescription()),
                "imageAlt", nz(form.imageAlt()).strip());
        limits.forEach((field, max) -> {
            if (values.get(field).length() > max) {
                throw new EditorialException(Reason.TOO_LONG, field);
            }
        });
    }

    /**
     * A typed slug is normalised and must be free in the language; an empty one is generated from the
     * title and numbered until free.
     */
    private String chooseSlug(ArticleForm form, String title, String language, Long ownTranslationId) {
        String typed = strip(form.slug());
        if (!typed.isEmpty()) {
            String slug = Slugs.of(typed);
            if (takenByOther(language, slug, ownTranslationId)) {
                throw new EditorialException(Reason.SLUG_TAKEN, "slug");
            }
            freeFromRedirect(language, slug, ownTranslationId);
            return slug;
        }
        String base = Slugs.of(title);
        String slug = base;
        for (int i = 2; takenByOther(language, slug, ownTranslationId); i++) {
            slug = base + "-" + i;
        }
        freeFromRedirect(language, slug, ownTranslationId);
        return slug;
    }

    private boolean takenByOther(String language, String slug, Long ownTranslationId) {
        return articles.findTranslationBySlug(language, slug).filter(t -> !t.getId().equals(ownTranslationId)).isPresent();
    }

    /** A slug taken again by new content is no longer an old address of something else. */
    private void freeFromRedirect(String language, String slug, Long ownTranslationId) {
        redirects.find(SlugKind.ARTICLE, language, slug).ifPresent(redirects::delete);
    }

    private Set<Category> resolveCategories(List<Long> ids) {
        Set<Category> chosen = new LinkedHashSet<>();
        for (Long id : ids == null ? List.<Long>of() : ids) {
            chosen.add(categories.findById(id).orElseThrow(() -> new EditorialException(Reason.NOT_FOUND, "categories")));
        }
        return chosen;
    }

    /** Tags by name in the language: an existing tag with the same slug is reused, others are created. */
    private Set<Tag> resolveTags(String names, String language) {
        Set<Tag> chosen = new LinkedHashSet<>();
        if (names == null) {
            return chosen;
        }
        for (String raw : Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String name = raw.length() > 100 ? raw.substring(0, 100).strip() : raw;
            String slug = Slugs.of(name);
            Tag tag = tags.findBySlug(language, slug).orElseGet(() -> {
                Tag created = new Tag();
                created.name(language, name, slug);
                return tags.save(created);
            });
            chosen.add(tag);
        }
        return chosen;
    }

    private static ArticleRow row(ArticleTranslation t) {
        return new ArticleRow(t.getArticle().getId(), t.getLanguage(), t.getTitle(), t.getSlug(), t.getStatus(),
                t.getPublishAt(), t.getUpdatedAt(), t.getArticle().getAuthor().getName(), t.getRevision());
    }

    /**
     * The form without control characters other than tab, line feed and carriage return: they have no place
     * in text, PostgreSQL refuses NUL, and XML (the Facelets output) does not allow them.
     */
    static ArticleForm withoutControlCharacters(ArticleForm f) {
        return new ArticleForm(f.articleId(), f.language(), clean(f.title()), clean(f.slug()), clean(f.excerpt()),
                clean(f.body()), clean(f.seoTitle()), clean(f.seoDescription()), f.categoryIds(), clean(f.tags()),
                f.commentsOpen(), f.version(), clean(f.featuredImage()), clean(f.imageAlt()));
    }

    private static String clean(String s) {
        return s == null ? null : CONTROL.matcher(s).replaceAll("");
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
