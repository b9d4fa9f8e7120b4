package org.scriptorium.content.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.ContentChanged;
import org.scriptorium.content.domain.ContentEvent;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.User;

/**
 * Authors' public profiles (name, photo from the media library, biography per language), which the public
 * author pages show. The profile lives on the user; this service adds what the public site needs: the photo
 * must be a file of the media library, and a change fires {@link ContentChanged} so cached pages follow.
 */
@ApplicationScoped
@Transactional
public class AuthorProfiles {

    private UserService users;
    private MediaLibrary media;
    private Event<ContentEvent> events;
    private Clock clock;

    protected AuthorProfiles() {
    }

    @Inject
    public AuthorProfiles(UserService users, MediaLibrary media, Event<ContentEvent> events, Clock clock) {
        this.users = users;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    /** An author's profile as the back office edits it. */
    public record Profile(long id, String name, String slug, String photo, Map<String, String> bios) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Profile> all() {
        return users.all().stream().map(AuthorProfiles::profile).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Profile> find(long id) {
        return users.find(id).map(AuthorProfiles::profile);
    }

    /** The media files a photo can be chosen from. */
    public List<String> photos() {
        return media.names();
    }

    /**
     * Changes a profile.
     *
     * @throws org.scriptorium.identity.application.IdentityException naming the field at fault
     */
    public void update(long id, String name, String photo, Map<String, String> bios, Set<String> languages) {
        users.updateProfile(id, name, photo, bios, languages, n -> media.find(n).isPresent());
        events.fire(new ContentChanged("author " + id, Instant.now(clock)));
    }

    private static Profile profile(User u) {
        return new Profile(u.getId(), u.getName(), u.getSlug(), u.getPhoto().orElse(""), u.getBios());
    }
}
