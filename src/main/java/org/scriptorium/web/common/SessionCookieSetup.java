package org.scriptorium.web.common;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

import org.scriptorium.platform.config.Settings;

/**
 * The session cookie: HttpOnly, and Secure when the site's public URL is https, so that a back-office
 * session can be neither read by scripts nor sent over plain HTTP. SameSite=Lax, which keeps it from being
 * sent along with another site's requests, is set in {@code glassfish-web.xml}: Payara writes the session
 * cookie itself and reads the attribute only from there.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(Settings.load().baseUrl().startsWith("https:"));
    }
}
