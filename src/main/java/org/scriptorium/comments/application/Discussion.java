package org.scriptorium.comments.application;

import java.util.List;

/**
 * The comments under one article translation, in thread order (each reply right after its parent).
 *
 * @param open     whether readers may comment now
 * @param maxDepth the deepest reply level
 * @param approved how many approved comments there are
 */
public record Discussion(long translationId, String language, boolean open, int maxDepth, List<CommentItem> items,
                         long approved) {
}
