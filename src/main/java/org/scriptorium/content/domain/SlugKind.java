package org.scriptorium.content.domain;

/** What a remembered slug pointed to. */
public enum SlugKind {
    ARTICLE, CATEGORY, TAG
}
