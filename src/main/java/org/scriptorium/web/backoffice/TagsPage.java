package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.StructureRow;
import org.scriptorium.content.application.StructureService;
import org.scriptorium.web.common.RequestLanguage;

/** The tags at {@code /backoffice/tags} (ADMIN, EDITOR), each with its names per language and a link to edit. */
@Named
@RequestScoped
public class TagsPage {

    @Inject
    private StructureService structure;

    @Inject
    private RequestLanguage language;

    private List<StructureRow> rows;

    public List<StructureRow> getRows() {
        if (rows == null) {
            rows = structure.tags();
        }
        return rows;
    }

    public String label(StructureRow row) {
        return row.label(language.getCode());
    }
}
