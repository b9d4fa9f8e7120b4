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
import org.scriptorium.web.common.RequestLanguage;
import org.scriptorium.web.common.Texts;

/**
 * Creating and changing a category at {@code /backoffice/category} ({@code ?id=} to edit, {@code ?parent=} to
 * create under a parent): its parent, and per language its name, slug and description. A refusal (a slug in
 * use, a parent inside the category itself) is shown next to the field, with everything typed kept.
 */
@Named
@ViewScoped
public class CategoryEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient StructureService structure;

    @Inject
    private transient LanguageService languages;

    @Inject
    private transient RequestLanguage language;

    @Inject
    private transient Texts texts;

    @Inject
    private transient Audit audit;

    private Long id;
    private String parent = "";
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private boolean loaded;
    private final FormErrors errors = new FormErrors();

    /** A parent to choose, indented by depth. */
    public record ParentChoice(String value, String label) {
    }

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> params = external.getRequestParameterMap();
        Optional<Long> requested = number(params.get("id"));
        if (params.get("id") != null && !params.get("id").isBlank()) {
            Optional<StructureRow> row = requested.flatMap(structure::category);
            if (row.isEmpty()) {
                external.responseSendError(404, null);
                FacesContext.getCurrentInstance().responseComplete();
                return;
            }
            id = row.get().id();
            parent = row.get().parentId() == null ? "" : row.get().parentId().toString();
            row.get().texts().forEach((l, t) -> {
                names.put(l, t.name());
                slugs.put(l, t.slug());
                descriptions.put(l, t.description());
            });
        } else {
            parent = number(params.get("parent")).map(String::valueOf).orElse("");
        }
        loaded = true;
    }

    public String save() {
        errors.clear();
        Map<String, StructureText> texts = new LinkedHashMap<>();
        for (SiteLanguage l : getLanguages()) {
            String code = l.getCode();
            texts.put(code, new StructureText(names.get(code), slugs.get(code), descriptions.get(code)));
        }
        Set<String> codes = getLanguages().stream().map(SiteLanguage::getCode).collect(Collectors.toSet());
        Long parentId = number(parent).orElse(null);
        try {
            if (id == null) {
                long created = structure.createCategory(parentId, texts, codes);
                audit.record("category.create", "category:" + created, summary(texts));
                return "/backoffice/category.xhtml?faces-redirect=true&id=" + created + "&saved=1";
            }
            structure.updateCategory(id, parentId, texts, codes);
            audit.record("category.update", "category:" + id, summary(texts));
            return "/backoffice/category.xhtml?faces-redirect=true&id=" + id + "&saved=1";
        } catch (StructureException e) {
            errors.put(e.field(), StructureMessages.of(e, this.texts));
            return null;
        }
    }

    static String summary(Map<String, StructureText> texts) {
        return texts.entrySet().stream().filter(e -> e.getValue().name() != null && !e.getValue().name().isBlank())
                .map(e -> e.getKey() + "=" + e.getValue().name().strip()).collect(Collectors.joining(", "));
    }

    private static Optional<Long> number(String s) {
        try {
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public List<ParentChoice> getParents() {
        String lang = language.getCode();
        return structure.categoryTree().stream()
                .map(r -> new ParentChoice(String.valueOf(r.id()), "\u2014 ".repeat(r.depth()) + r.label(lang)))
                .toList();
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

    public Long getId() {
        return id;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent == null ? "" : parent;
    }

    public Map<String, String> getNames() {
        return names;
    }

    public Map<String, String> getSlugs() {
        return slugs;
    }

    public Map<String, String> getDescriptions() {
        return descriptions;
    }
}
