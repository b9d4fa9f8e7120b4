package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.StructureRow;
import org.scriptorium.content.application.StructureService;
import org.scriptorium.web.common.RequestLanguage;

/**
 * The category tree at {@code /backoffice/categories} (ADMIN, EDITOR): every category indented under its
 * parent, with buttons to move it up or down among its siblings and a link to edit it.
 */
@Named
@RequestScoped
public class CategoriesPage {

    @Inject
    private StructureService structure;

    @Inject
    private RequestLanguage language;

    @Inject
    private Audit audit;

    private List<StructureRow> rows;

    public List<StructureRow> getRows() {
        if (rows == null) {
            rows = structure.categoryTree();
        }
        return rows;
    }

    public String label(StructureRow row) {
        return row.label(language.getCode());
    }

    public String up(long id) {
        return shift(id, -1);
    }

    public String down(long id) {
        return shift(id, 1);
    }

    private String shift(long id, int direction) {
        structure.shiftCategory(id, direction);
        audit.record("category.move", "category:" + id, direction < 0 ? "up" : "down");
        return "/backoffice/categories.xhtml?faces-redirect=true&moved=" + id;
    }
}
