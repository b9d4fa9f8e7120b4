package org.scriptorium.spam.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a spam service may be told about one comment, as it was when the reader submitted it.
 *
 * <p>The fields are Akismet's documented comment-check parameters. A request is immutable: the pipeline
 * builds it once when the comment arrives, keeps it with the comment, and sends that same request again
 * for a re-check and for submit-spam / submit-ham, so that Akismet learns from the data exactly as it was
 * first submitted. Absent values are {@code null} / empty and are simply not sent.
 *
 * <p>{@code blogLang} is the language of the article translation being commented (for example {@code de}),
 * not the site's default language. {@code blog} may be left out: the client then sends the site URL it
 * is configured with.
 */
public final class SpamCheckRequest {

    /** Akismet's {@code comment_type} for a top-level comment. */
    public static final String TYPE_COMMENT = "comment";
    /** Akismet's {@code comment_type} for a reply to another comment. */
    public static final String TYPE_REPLY = "reply";
    /** Akismet's {@code user_role} that makes Akismet answer "ham" (staff writing in the back office). */
    public static final String ROLE_ADMINISTRATOR = "administrator";

    /** Parameter names a honeypot field may not take, so that its value never overwrites a real parameter. */
    public static final Set<String> RESERVED_NAMES = Set.of("api_key", "key", "blog", "user_ip", "user_agent", "referrer",
            "permalink", "comment_type", "comment_author", "comment_author_email", "comment_author_url",
            "comment_content", "comment_date_gmt", "comment_post_modified_gmt", "comment_parent", "blog_lang",
            "blog_charset", "user_role", "is_test", "honeypot_field_name", "recheck_reason", "comment_context",
            "comment_context[]");

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private final String userIp;
    private final String userAgent;
    private final String referrer;
    private final String permalink;
    private final String commentType;
    private final String commentAuthor;
    private final String commentAuthorEmail;
    private final String commentAuthorUrl;
    private final String commentContent;
    private final Instant commentDateGmt;
    private final Instant commentPostModifiedGmt;
    private final String commentParent;
    private final String blog;
    private final String blogLang;
    private final String blogCharset;
    private final String userRole;
    private final boolean test;
    private final String honeypotFieldName;
    private final String honeypotValue;
    private final String recheckReason;
    private final List<String> commentContext;

    private SpamCheckRequest(Builder b) {
        this.userIp = b.userIp;
        this.userAgent = b.userAgent;
        this.referrer = b.referrer;
        this.permalink = b.permalink;
        this.commentType = b.commentType;
        this.commentAuthor = b.commentAuthor;
        this.commentAuthorEmail = b.commentAuthorEmail;
        this.commentAuthorUrl = b.commentAuthorUrl;
        this.commentContent = b.commentContent;
        this.commentDateGmt = b.commentDateGmt;
        this.commentPostModifiedGmt = b.commentPostModifiedGmt;
        this.commentParent = b.commentParent;
        this.blog = b.blog;
        this.blogLang = b.blogLang;
        this.blogCharset = b.blogCharset;
        this.userRole = b.userRole;
        this.test = b.test;
        this.honeypotFieldName = b.honeypotFieldName;
        this.honeypotValue = b.honeypotValue;
        this.recheckReason = b.recheckReason;
        this.commentContext = List.copyOf(b.commentContext);
    }

    /** Starts an empty request. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to derive a variant (for example with a re-check reason). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.userIp = userIp;
        b.userAgent = userAgent;
        b.referrer = referrer;
        b.permalink = permalink;
        b.commentType = commentType;
        b.commentAuthor = commentAuthor;
        b.commentAuthorEmail = commentAuthorEmail;
        b.commentAuthorUrl = commentAuthorUrl;
        b.commentContent = commentContent;
        b.commentDateGmt = commentDateGmt;
        b.commentPostModifiedGmt = commentPostModifiedGmt;
        b.commentParent = commentParent;
        b.blog = blog;
        b.blogLang = blogLang;
        b.blogCharset = blogCharset;
        b.userRole = userRole;
        b.test = test;
        b.honeypotFieldName = honeypotFieldName;
        b.honeypotValue = honeypotValue;
        b.recheckReason = recheckReason;
        b.commentContext.addAll(commentContext);
        return b;
    }

    /** This request as a re-check: the same data plus Akismet's {@code recheck_reason}. */
    public SpamCheckRequest asRecheck(String reason) {
        return toBuilder().recheckReason(reason).build();
    }

    public Optional<String> userIp() {
        return Optional.ofNullable(userIp);
    }

    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    public Optional<String> referrer() {
        return Optional.ofNullable(referrer);
    }

    public Optional<String> permalink() {
        return Optional.ofNullable(permalink);
    }

    public Optional<String> commentType() {
        return Optional.ofNullable(commentType);
    }

    public Optional<String> commentAuthor() {
        return Optional.ofNullable(commentAuthor);
    }

    public Optional<String> commentAuthorEmail() {
        return Optional.ofNullable(commentAuthorEmail);
    }

    public Optional<String> commentAuthorUrl() {
        return Optional.ofNullable(commentAuthorUrl);
    }

    public Optional<String> commentContent() {
        return Optional.ofNullable(commentContent);
    }

    public Optional<Instant> commentDateGmt() {
        return Optional.ofNullable(commentDateGmt);
    }

    public Optional<Instant> commentPostModifiedGmt() {
        return Optional.ofNullable(commentPostModifiedGmt);
    }

    public Optional<String> commentParent() {
        return Optional.ofNullable(commentParent);
    }

    public Optional<String> blog() {
        return Optional.ofNullable(blog);
    }

    public Optional<String> blogLang() {
        return Optional.ofNullable(blogLang);
    }

    public Optional<String> blogCharset() {
        return Optional.ofNullable(blogCharset);
    }

    public Optional<String> userRole() {
        return Optional.ofNullable(userRole);
    }

    /** Whether Akismet should treat this as a test call that does not train its filter. */
    public boolean isTest() {
        return test;
    }

    public Optional<String> honeypotFieldName() {
        return Optional.ofNullable(honeypotFieldName);
    }

    /** What the reader's client put in the honeypot field; sent under {@link #honeypotFieldName()}. */
    public Optional<String> honeypotValue() {
        return Optional.ofNullable(honeypotValue);
    }

    public Optional<String> recheckReason() {
        return Optional.ofNullable(recheckReason);
    }

    /** Words describing where the comment was posted (for example the article's tags), in order. */
    public List<String> commentContext() {
        return commentContext;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpamCheckRequest r && test == r.test && Objects.equals(userIp, r.userIp)
                && Objects.equals(userAgent, r.userAgent) && Objects.equals(referrer, r.referrer)
                && Objects.equals(permalink, r.permalink) && Objects.equals(commentType, r.commentType)
                && Objects.equals(commentAuthor, r.commentAuthor) && Objects.equals(commentAuthorEmail, r.commentAuthorEmail)
                && Objects.equals(commentAuthorUrl, r.commentAuthorUrl) && Objects.equals(commentContent, r.commentContent)
                && Objects.equals(commentDateGmt, r.commentDateGmt)
                && Objects.equals(commentPostModifiedGmt, r.commentPostModifiedGmt)
                && Objects.equals(commentParent, r.commentParent) && Objects.equals(blog, r.blog)
                && Objects.equals(blogLang, r.blogLang) && Objects.equals(blogCharset, r.blogCharset)
                && Objects.equals(userRole, r.userRole) && Objects.equals(honeypotFieldName, r.honeypotFieldName)
                && Objects.equals(honeypotValue, r.honeypotValue) && Objects.equals(recheckReason, r.recheckReason)
                && commentContext.equals(r.commentContext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userIp, userAgent, commentAuthor, commentAuthorEmail, commentContent, commentDateGmt, blogLang);
    }

    /** Names the request without its personal data, for logs. */
    @Override
    public String toString() {
        return "SpamCheckRequest[type=" + commentType + ", permalink=" + permalink + ", blogLang=" + blogLang
                + ", test=" + test + "]";
    }

    /** Collects the values of a {@link SpamCheckRequest}; blank strings count as absent. */
    public static final class Builder {

        private String userIp;
        private String userAgent;
        private String referrer;
        private String permalink;
        private String commentType;
        private String commentAuthor;
        private String commentAuthorEmail;
        private String commentAuthorUrl;
        private String commentContent;
        private Instant commentDateGmt;
        private Instant commentPostModifiedGmt;
        private String commentParent;
        private String blog;
        private String blogLang;
        private String blogCharset;
        private String userRole;
        private boolean test;
        private String honeypotFieldName;
        private String honeypotValue;
        private String recheckReason;
        private final List<String> commentContext = new ArrayList<>();

        private Builder() {
        }

        public Builder userIp(String value) {
            this.userIp = present(value);
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = present(value);
            return this;
        }

        public Builder referrer(String value) {
            this.referrer = present(value);
            return this;
        }

        public Builder permalink(String value) {
            this.permalink = present(value);
            return this;
        }

        public Builder commentType(String value) {
            this.commentType = present(value);
            return this;
        }

        public Builder commentAuthor(String value) {
            this.commentAuthor = present(value);
            return this;
        }

        public Builder commentAuthorEmail(String value) {
            this.commentAuthorEmail = present(value);
            return this;
        }

        public Builder commentAuthorUrl(String value) {
            this.commentAuthorUrl = present(value);
            return this;
        }

        public Builder commentContent(String value) {
            this.commentContent = present(value);
            return this;
        }

        public Builder commentDateGmt(Instant value) {
            this.commentDateGmt = value;
            return this;
        }

        public Builder commentPostModifiedGmt(Instant value) {
            this.commentPostModifiedGmt = value;
            return this;
        }

        /** The identifier of the comment this one replies to. */
        public Builder commentParent(String value) {
            this.commentParent = present(value);
            return this;
        }

        /** The site's front page URL; when absent the client sends the one it is configured with. */
        public Builder blog(String value) {
            this.blog = present(value);
            return this;
        }

        /** The language of the translation being commented, e.g. {@code fr}; several as {@code fr, en}. */
        public Builder blogLang(String value) {
            this.blogLang = present(value);
            return this;
        }

        public Builder blogCharset(String value) {
            this.blogCharset = present(value);
            return this;
        }

        public Builder userRole(String value) {
            this.userRole = present(value);
            return this;
        }

        public Builder test(boolean value) {
            this.test = value;
            return this;
        }

        /**
         * The honeypot field's name and what the client put in it. The value is sent under that name, so the
         * name must be a plain form-field name and not one of {@link #RESERVED_NAMES}.
         *
         * @throws IllegalArgumentException if the name is unusable
         */
        public Builder honeypot(String fieldName, String value) {
            if (fieldName == null || !FIELD_NAME.matcher(fieldName).matches() || RESERVED_NAMES.contains(fieldName)) {
                throw new IllegalArgumentException("Unusable honeypot field name: " + fieldName);
            }
            this.honeypotFieldName = fieldName;
            this.honeypotValue = value == null ? "" : value;
            return this;
        }

        /** Why the comment is checked again (for example {@code edit}); absent on the first check. */
        public Builder recheckReason(String value) {
            this.recheckReason = present(value);
            return this;
        }

        /** Adds one context word (sent as a repeated {@code comment_context[]}); blank words are ignored. */
        public Builder commentContext(String word) {
            String w = present(word);
            if (w != null) {
                commentContext.add(w);
            }
            return this;
        }

        /** Adds several context words, in order. */
        public Builder commentContext(List<String> words) {
            words.forEach(this::commentContext);
            return this;
        }

        public SpamCheckRequest build() {
            return new SpamCheckRequest(this);
        }

        private static String present(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
