package org.scriptorium.content.domain;

/**
 * Where a translation stands on its way to readers. Only PUBLISHED translations whose publish time has
 * come are shown on the public site; SCHEDULED ones become PUBLISHED when their time comes.
 */
public enum PublicationStatus {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED
}
