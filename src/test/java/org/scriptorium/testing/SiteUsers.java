package org.scriptorium.testing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.hibernate.jpa.HibernatePersistenceProvider;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.platform.persistence.ConfiguredDataSource;

/**
 * Back-office users for integration tests, added through the application's own {@code UserService} to the
 * database of the running site (which the site opens with H2's AUTO_SERVER, or on PostgreSQL), so that a
 * test can log in as a translator or an author.
 */
public final class SiteUsers {

    private SiteUsers() {
    }

    /** Creates a user unless one with the e-mail exists; translators get the given languages. */
    public static synchronized void ensure(String email, String name, String password, Set<Role> roles,
                                           Set<String> translatorLanguages) {
        String url = RunningSite.databaseUrl();
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.provider", HibernatePersistenceProvider.class.getName());
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.nonJtaDataSource", ConfiguredDataSource.forUrl(url, RunningSite.databaseUser(), ""));
        props.put("hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        props.put("hibernate.dialect", url.startsWith("jdbc:postgresql:") ? "org.hibernate.dialect.PostgreSQLDialect"
                : "org.hibernate.dialect.H2Dialect");
        // Users are not indexed; with Hibernate Search on, this factory opened an empty index in the working
        // directory (the repository root during CI), as no index root is configured here.
        props.put("hibernate.search.enabled", "false");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("scriptorium", props);
        try {
            EntityManager em = emf.createEntityManager();
            em.getTransaction().begin();
            var users = TestServices.users(em, Clock.systemUTC());
            if (users.findByEmail(email).isEmpty()) {
                User user = users.create(email, name, password, roles);
                user.assignTranslatorLanguages(translatorLanguages);
            }
            em.getTransaction().commit();
            em.close();
        } finally {
            emf.close();
        }
    }
}
