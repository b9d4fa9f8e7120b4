package org.scriptorium.submissions.application;

/**
 * What the public form sends, as typed.
 *
 * @param language    the language the story is written in
 * @param categoryId  the suggested category's id as text, or empty
 * @param story       limited rich text; sanitised when stored
 * @param consent     whether the reader agreed to the publication terms and the privacy notice
 * @param honeypot    the hidden field people never fill in
 * @param started     the signed stamp of when the form was first shown
 * @param uploadToken the key of the pictures kept for this form
 */
public record SubmissionForm(String language, String title, String summary, String story, String categoryId,
                             String authorName, String email, String bio, boolean consent, String honeypot,
                             String started, String uploadToken) {
}
