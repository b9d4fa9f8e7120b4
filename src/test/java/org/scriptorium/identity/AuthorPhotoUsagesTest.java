package org.scriptorium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.infrastructure.JpaAuthorPhotoUsages;
import org.scriptorium.media.domain.MediaUsage;
import org.scriptorium.testing.FreshDatabase;
import org.scriptorium.testing.TestServices;

/** An author's photo counts as a use of the image, whichever of its sizes the profile shows. */
class AuthorPhotoUsagesTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    @Test
    void anAuthorPhotoIsAUseOfTheImageAndOfNoOther() {
        long id = db.inTransaction(em -> TestServices.users(em, Clock.systemUTC())
                .createFirstAdminIfNone("boss@example.com", Optional.of("s3cret-enough")).orElseThrow().user().getId());
        db.run(em -> em.find(User.class, id).choosePhoto("portrait-0a1b-480w.png"));

        List<MediaUsage> used = db.inTransaction(em -> new JpaAuthorPhotoUsages(em)
                .usagesOf(List.of("/media/portrait-0a1b.png", "/media/portrait-0a1b-480w.png")));
        assertThat(used).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo("author");
            assertThat(u.link()).isEqualTo("/backoffice/author?id=" + id);
        });
        assertThat(db.<List<MediaUsage>>inTransaction(em -> new JpaAuthorPhotoUsages(em)
                .usagesOf(List.of("/media/other-77.png", "/media/other-77-480w.png")))).isEmpty();
        assertThat(db.<List<MediaUsage>>inTransaction(em -> new JpaAuthorPhotoUsages(em).usagesOf(List.of()))).isEmpty();
    }
}
