package org.scriptorium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.comments.domain.Comment;
import org.scriptorium.content.domain.Article;
import org.scriptorium.content.domain.Category;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.newsletter.domain.Delivery;
import org.scriptorium.settings.domain.SiteSetting;
import org.scriptorium.testing.FreshDatabase;

/**
 * Hibernate builds lazy proxies only for the entities an association points to ({@code ProxiesOnlyWhereReferenced});
 * those associations stay lazy, and an entity without a proxy is still found by {@code getReference}.
 */
class EntityProxiesTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    @Test
    void onlyTheTargetsOfAssociationsHaveAProxy() {
        db.run(em -> {
            MappingMetamodel model = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
            for (Class<?> target : new Class<?>[] {Article.class, Category.class, User.class}) {
                assertThat(model.getEntityDescriptor(target).getRepresentationStrategy().getProxyFactory())
                        .as(target.getSimpleName()).isNotNull();
            }
            for (Class<?> plain : new Class<?>[] {Comment.class, Delivery.class, SiteSetting.class}) {
                assertThat(model.getEntityDescriptor(plain).getRepresentationStrategy().getProxyFactory())
                        .as(plain.getSimpleName()).isNull();
            }
        });
    }

    @Test
    void aReferenceToAnEntityWithoutAProxyIsTheLoadedEntity() {
        db.run(em -> em.persist(new SiteSetting("site.test", "kept", Instant.parse("2026-11-29T10:00:00Z"))));
        db.run(em -> {
            SiteSetting reference = em.getReference(SiteSetting.class, "site.test");
            assertThat(Hibernate.isInitialized(reference)).isTrue();
            assertThat(reference.getValue()).isEqualTo("kept");
        });
    }

    @Test
    void aLazyAssociationToATargetStaysLazy() {
        Long id = db.inTransaction(em -> {
            User author = new User("proxy@scriptorium.test", "Proxy Test", "proxy-test", "x", Set.of(Role.AUTHOR),
                    Instant.parse("2026-11-29T10:00:00Z"));
            em.persist(author);
            Article article = new Article(author, "it", Instant.parse("2026-11-29T10:00:00Z"));
            em.persist(article);
            return article.getId();
        });
        db.run(em -> assertThat(Hibernate.isInitialized(em.find(Article.class, id).getAuthor())).isFalse());
    }
}
