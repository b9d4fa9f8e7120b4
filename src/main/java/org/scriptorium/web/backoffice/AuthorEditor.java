package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.AuthorProfiles;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.identity.application.IdentityException;
import org.scriptorium.web.common.Texts;

/**
 * An author's public profile at {@code /backoffice/author?id=} (ADMIN, EDITOR): the name shown on articles,
 * a photo chosen from the media library and a biography per language, all shown on the public author page.
 */
@Named
@ViewScoped
public class AuthorEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AuthorProfiles profiles;

    @Inject
    private transient LanguageService languages;

    @Inject
    private transient Texts texts;

    @Inject
    private transient Audit audit;

    private Long id;
    private String slug;
    private String name;
    private String photo = "";
    private final Map<String, String> bios = new HashMap<>();
    private boolean loaded;
    private final FormErrors errors = new FormErrors();

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String idParam = external.getRequestParameterMap().get("id");
        Optional<AuthorProfiles.Profile> profile;
        try {
            profile = idParam == null ? Optional.empty() : profiles.find(Long.parseLong(idParam.strip()));
        } catch (NumberFormatException e) {
            profile = Optional.empty();
        }
        if (profile.isEmpty()) {
            external.responseSendError(404, null);
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        id = profile.get().id();
        slug = profile.get().slug();
        name = profile.get().name();
        photo = profile.get().photo();
        bios.putAll(profile.get().bios());
        loaded = true;
    }

    public String save() {
        errors.clear();
        Map<String, String> typed = new LinkedHashMap<>();
        for (SiteLanguage l : getLanguages()) {
            typed.put(l.getCode(), bios.getOrDefault(l.getCode(), ""));
        }
        Set<String> codes = getLanguages().stream().map(SiteLanguage::getCode).collect(Collectors.toSet());
        try {
            profiles.update(id, name, photo, typed, codes);
            audit.record("author.update", "user:" + id, name);
            return "/backoffice/author.xhtml?faces-redirect=true&id=" + id + "&saved=1";
        } catch (IdentityException e) {
            errors.put(e.field(), IdentityMessages.of(e, texts));
            return null;
        }
    }

    /** The media files to choose from, with the current photo kept even if its file went missing. */
    public List<String> getPhotos() {
        List<String> names = new ArrayList<>(profiles.photos());
        if (!photo.isEmpty() && !names.contains(photo)) {
            names.add(0, photo);
        }
        return names;
    }

    public List<SiteLanguage> getLanguages() {
        return languages.all();
    }

    public FormErrors getErrors() {
        return errors;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhoto() {
        return photo;
    }

    public void setPhoto(String photo) {
        this.photo = photo == null ? "" : photo;
    }

    public Map<String, String> getBios() {
        return bios;
    }
}
