/**
 * Uploading, describing and deleting media: {@link org.scriptorium.media.application.ImageSniffer} decides what
 * a file is from its bytes, {@link org.scriptorium.media.application.MediaService} runs the library.
 */
package org.scriptorium.media.application;
