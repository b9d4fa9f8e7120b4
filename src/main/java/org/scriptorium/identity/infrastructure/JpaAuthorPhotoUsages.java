package org.scriptorium.identity.infrastructure;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.scriptorium.identity.domain.User;
import org.scriptorium.media.domain.MediaUsage;
import org.scriptorium.media.domain.MediaUsageFinder;

/**
 * Finds the authors whose public profile shows an image as their photo. A profile keeps the photo as a media
 * file name (the original or one of its generated sizes), so the library's URLs are matched by their name.
 */
@ApplicationScoped
public class JpaAuthorPhotoUsages implements MediaUsageFinder {

    private static final String PREFIX = "/media/";

    @PersistenceContext(unitName = "scriptorium")
    private EntityManager em;

    protected JpaAuthorPhotoUsages() {
    }

    public JpaAuthorPhotoUsages(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<MediaUsage> usagesOf(List<String> urls) {
        List<String> names = urls.stream().filter(u -> u.startsWith(PREFIX)).map(u -> u.substring(PREFIX.length()))
                .toList();
        List<MediaUsage> found = new ArrayList<>();
        if (names.isEmpty()) {
            return found;
        }
        for (User u : em.createQuery("select u from User u where u.photo in :names order by u.id", User.class)
                .setParameter("names", names).getResultList()) {
            found.add(new MediaUsage("author", u.getName(), "/backoffice/author?id=" + u.getId()));
        }
        return found;
    }
}
