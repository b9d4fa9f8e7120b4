package org.scriptorium.web.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.comments.application.CheapChecks;
import org.scriptorium.comments.application.CommentItem;
import org.scriptorium.comments.application.CommentService;
import org.scriptorium.comments.application.Discussion;
import org.scriptorium.comments.application.FormTokens;
import org.scriptorium.content.application.ArticleView;
import org.scriptorium.web.common.PageDelivery;

/**
 * The comments under an article (the theme slot {@code comments}): the approved comments as a thread, the
 * reader's own comments awaiting moderation (listed in a signed cookie, so only that browser sees them),
 * and the form. The form is a plain POST to {@link CommentPosting} carrying a signed token; when the post
 * is refused, that servlet renders the article again with the reader's input and the messages, which this
 * bean reads from the request.
 */
@Named("comments")
@RequestScoped
public class CommentSection {

    /** Request attribute with the posted values (field name to value) after a refused post. */
    static final String VALUES = "scriptorium.comment.values";
    /** Request attribute with field name to UI-string key for each field to correct. */
    static final String ERRORS = "scriptorium.comment.errors";
    /** Request attribute with a message (already in the reader's language) for the whole form. */
    static final String MESSAGE = "scriptorium.comment.message";

    @Inject
    private HttpServletRequest request;

    @Inject
    private CommentService comments;

    @Inject
    private FormTokens tokens;

    private Discussion discussion;
    private boolean loaded;

    private ArticleView article() {
        return (ArticleView) request.getAttribute(SiteRouter.ARTICLE);
    }

    private Optional<Discussion> discussion() {
        if (!loaded) {
            loaded = true;
            ArticleView a = article();
            discussion = a == null ? null : comments.discussion(a.translationId(), ownIds(request, tokens)).orElse(null);
        }
        return Optional.ofNullable(discussion);
    }

    /** The reader's own comment ids, from the signed cookie. */
    static Set<Long> ownIds(HttpServletRequest request, FormTokens tokens) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (PageDelivery.PERSONAL_COOKIE.equals(c.getName())) {
                    return tokens.readOwnComments(c.getValue());
                }
            }
        }
        return Set.of();
    }

    public boolean isAvailable() {
        return discussion().isPresent();
    }

    public List<CommentItem> getItems() {
        return discussion().map(Discussion::items).orElse(List.of());
    }

    public long getApproved() {
        return discussion().map(Discussion::approved).orElse(0L);
    }

    public boolean isOpen() {
        return discussion().map(Discussion::open).orElse(false);
    }

    public int getMaxDepth() {
        return discussion().map(Discussion::maxDepth).orElse(1);
    }

    /** A fresh signed token for the form. */
    public String getToken() {
        ArticleView a = article();
        return a == null ? "" : tokens.issue(a.translationId());
    }

    public String getHoneypotName() {
        return CheapChecks.HONEYPOT_FIELD;
    }

    /** The comment being answered: from a refused post, else from {@code ?replyto=}. */
    public String getReplyTo() {
        String posted = value("parent");
        if (!posted.isEmpty()) {
            return posted;
        }
        String asked = request.getParameter("replyto");
        return asked != null && asked.matches("[0-9]{1,18}") ? asked : "";
    }

    /** The author of the comment being answered, for the form's heading; empty when it is not shown. */
    public String getReplyToName() {
        String id = getReplyTo();
        return getItems().stream().filter(i -> String.valueOf(i.id()).equals(id) && !i.pending())
                .map(CommentItem::authorName).findFirst().orElse("");
    }

    /** Whether the reader just posted (the page after the redirect). */
    public boolean isJustPosted() {
        return request.getParameter("commented") != null;
    }

    /** What the reader typed, after a refused post. */
    public String value(String field) {
        Object values = request.getAttribute(VALUES);
        if (values instanceof Map<?, ?> m && m.get(field) instanceof String s) {
            return s;
        }
        return "";
    }

    /** The UI-string key of a field's error, or empty. */
    public String error(String field) {
        Object errors = request.getAttribute(ERRORS);
        if (errors instanceof Map<?, ?> m && m.get(field) instanceof String s) {
            return s;
        }
        return "";
    }

    public boolean isHasErrors() {
        return request.getAttribute(ERRORS) instanceof Map<?, ?> m && !m.isEmpty();
    }

    public String getMessage() {
        return request.getAttribute(MESSAGE) instanceof String s ? s : "";
    }

    /** The fields with an error, in form order, for the summary at the top of the form. */
    public Map<String, String> getErrors() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String f : new String[] {"name", "email", "url", "body"}) {
            if (!error(f).isEmpty()) {
                ordered.put(f, error(f));
            }
        }
        return ordered;
    }

    public List<Map.Entry<String, String>> getErrorList() {
        return List.copyOf(getErrors().entrySet());
    }
}
