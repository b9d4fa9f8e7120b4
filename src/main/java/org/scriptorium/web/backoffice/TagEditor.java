package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Serializable;
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

import org.scriptorium.content.application.StructureException;
import org.scriptorium.content.application.StructureRow;
import org.scriptorium.content.application.StructureService;
import org.scriptorium.content.application.StructureText;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.web.common.Texts;

/**
 * Creating and changing a tag at {@code /backoffice/tag} ({@code ?id=} to edit): its name and slug in each
 * language. A slug another tag uses in the language is refused next to the field, with everything kept.
 */
@Named
@ViewScoped
public class TagEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient StructureService structure;

    @Inject
    private transient LanguageService languages;

    @Inject
    private transient Texts texts;

    @Inject
    private transient Audit audit;

    private Long id;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    private boolean loaded;
    private final FormErrors errors = new FormErrors();

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String idParam = external.getRequestParameterMap().get("id");
        if (idParam != null && !idParam.isBlank()) {
            Optional<StructureRow> row;
            try {
                row = structure.tag(Long.parseLong(idParam.strip()));
            } catch (NumberFormatException e) {
                row = Optional.empty();
            }
            if (row.isEmpty()) {
                external.responseSendError(404, null);
                FacesContext.getCurrentInstance().responseComplete();
                return;
            }
            id = row.get().id();
            row.get().texts().forEach((l, t) -> {
                names.put(l, t.name());
                slugs.put(l, t.slug());
            });
        }
        loaded = true;
    }

    public String save() {
        errors.clear();
        Map<String, StructureText> typed = new LinkedHashMap<>();
        for (SiteLanguage l : getLanguages()) {
            typed.put(l.getCode(), new StructureText(names.get(l.getCode()), slugs.get(l.getCode()), null));
        }
        Set<String> codes = getLanguages().stream().map(SiteLanguage::getCode).collect(Collectors.toSet());
        try {
            long saved = structure.saveTag(Optional.ofNullable(id), typed, codes);
            audit.record(id == null ? "tag.create" : "tag.update", "tag:" + saved, CategoryEditor.summary(typed));
            return "/backoffice/tag.xhtml?faces-redirect=true&id=" + saved + "&saved=1";
        } catch (StructureException e) {
            errors.put(e.field(), StructureMessages.of(e, texts));
            return null;
        }
    }

    public List<SiteLanguage> getLanguages() {
        return languages.all();
    }

    public FormErrors getErrors() {
        return errors;
    }

    public boolean isExists() {
        return id != null;
    }

    public Map<String, String> getNames() {
        return names;
    }

    public Map<String, String> getSlugs() {
        return slugs;
    }
}
