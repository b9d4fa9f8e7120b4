/**
 * Push notification services: subscribing and unsubscribing readers (with their consent), the VAPID key pair,
 * announcing published translations and hand-written messages to a language, and delivering them with retries
 * through the {@link org.scriptorium.push.application.PushGateway} port.
 */
package org.scriptorium.push.application;
