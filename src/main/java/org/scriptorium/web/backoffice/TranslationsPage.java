package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.EditorialException;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.EditorialService.MatrixCell;
import org.scriptorium.content.application.EditorialService.MatrixRow;
import org.scriptorium.content.application.Paged;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;

/**
 * The translation matrix at {@code /backoffice/translations?page=..}: articles by site language, each cell
 * missing, draft, scheduled, published, unpublished or outdated, with a link to act on it (translate a
 * missing language from the article's source, or open the translation) where the user may.
 */
@Named
@RequestScoped
public class TranslationsPage {

    static final int PAGE_SIZE = 20;

    @Inject
    private EditorialService editorial;

    @Inject
    private LanguageService languages;

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    private Paged<MatrixRow> matrix;

    @PostConstruct
    void load() {
        int page = 1;
        String p = request.getParameter("page");
        if (p != null && p.strip().matches("[1-9][0-9]{0,5}")) {
            page = Integer.parseInt(p.strip());
        }
        try {
            matrix = editorial.matrix(security.getCallerPrincipal().getName(), page, PAGE_SIZE);
        } catch (EditorialException e) {
            matrix = new Paged<>(List.of(), 1, 1, 0);
        }
    }

    public Paged<MatrixRow> getMatrix() {
        return matrix;
    }

    public List<String> getLanguages() {
        return languages.enabled().stream().map(SiteLanguage::getCode).toList();
    }

    /** The link of a cell: translate a missing language from the source, or edit the translation. */
    public String link(MatrixRow row, MatrixCell cell) {
        String base = request.getContextPath() + "/backoffice/article?id=" + row.articleId() + "&lang=" + cell.language();
        return cell.isMissing() && !cell.language().equals(row.sourceLanguage()) ? base + "&from=" + row.sourceLanguage() : base;
    }

    /** Cells of a row in the enabled languages, in their order. */
    public List<MatrixCell> cells(MatrixRow row) {
        List<String> enabled = getLanguages();
        return row.cells().stream().filter(c -> enabled.contains(c.language())).toList();
    }

    public String pageLink(int page) {
        return request.getContextPath() + "/backoffice/translations?page=" + page;
    }
}
